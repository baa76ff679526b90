"""Counts its executions in sys (for the reload case; not a case)."""
import sys
sys._pyrite_test_counter = getattr(sys, "_pyrite_test_counter", 0) + 1
COUNT = sys._pyrite_test_counter
