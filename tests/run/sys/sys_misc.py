# other sys attributes
import sys
print(type(sys.executable).__name__, sys.prefix.__class__.__name__, type(sys.getdefaultencoding()), sys.getdefaultencoding())
print(sys.getfilesystemencoding(), callable(sys.exit), callable(sys.getsizeof), sys.getsizeof(0) > 0)
print(type(sys.orig_argv).__name__, isinstance(sys.warnoptions, list), sys.dont_write_bytecode)
print(sys.displayhook.__name__, sys.excepthook.__name__, sys.__excepthook__ is sys.excepthook)
print(sys.api_version > 0, sys.copyright.startswith("Copyright"), sys.float_repr_style, sys.thread_info.name in ("pthread", "nt", "solaris", None) or True)
