# sys.excepthook set to None: calling it fails
import sys
sys.excepthook = None
raise ValueError("original")
