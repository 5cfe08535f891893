"""engine stage: load rules (data) and run their kinds (code) over a batch."""
from checker.engine.batch import Batch
from checker.engine.catalogue import active_rules, all_rules
from checker.engine.run import run_rules

__all__ = ["Batch", "active_rules", "all_rules", "run_rules"]
