# an uncaught exception raised in an imported module's body: traceback through the import
print("importing")
import _raises_on_import
