"""Pyrite's `importlib` package.

Pyrite's import system is native (crates/vm/src/import). CPython's
importlib/__init__.py bootstraps its pure-Python import machinery and needs
_warnings, _io, marshal and posix to start; when those modules exist this
package runs that file unchanged. Until then it provides import_module,
reload and invalidate_caches over the native machinery. Submodules
(importlib.util, importlib.machinery, ...) come from CPython's standard
library in both cases: its importlib directory is on this package's __path__.
"""

import sys

_stdlib_dir = getattr(sys, "_stdlib_dir", None)
_stdlib_package = _stdlib_dir + "/importlib" if _stdlib_dir else None
if _stdlib_package:
    __path__.append(_stdlib_package)


def _available(name):
    try:
        __import__(name)
    except ImportError:
        return False
    return True


if _stdlib_package and all(_available(n) for n in ("_warnings", "_io", "marshal", "posix")):
    _init = _stdlib_package + "/__init__.py"
    with open(_init, "rb") as _f:
        exec(compile(_f.read(), _init, "exec"), globals())
    del _init, _f
else:
    __all__ = ["__import__", "import_module", "invalidate_caches", "reload"]

    from builtins import __import__

    # Modules being reloaded (a module reloading itself gets itself back).
    _RELOADING = {}

    def _check_arguments(name, package, level):
        if not isinstance(name, str):
            raise TypeError(f"module name must be str, not {type(name)}")
        if level < 0:
            raise ValueError("level must be >= 0")
        if level > 0:
            if not isinstance(package, str):
                raise TypeError("__package__ not set to a string")
            if not package:
                raise ImportError("attempted relative import with no known parent package")
        if not name and level == 0:
            raise ValueError("Empty module name")

    def _absolute_name(name, package, level):
        parts = package.rsplit(".", level - 1)
        if len(parts) < level:
            raise ImportError("attempted relative import beyond top-level package")
        return f"{parts[0]}.{name}" if name else parts[0]

    def _gcd_import(name, package=None, level=0):
        _check_arguments(name, package, level)
        if level > 0:
            name = _absolute_name(name, package, level)
        if name not in sys.modules:
            __import__(name)
        module = sys.modules[name]
        if module is None:
            raise ModuleNotFoundError(f"import of {name} halted; None in sys.modules", name=name)
        return module

    def import_module(name, package=None):
        """Import a module.

        The 'package' argument is required when performing a relative import. It
        specifies the package to use as the anchor point from which to resolve the
        relative import to an absolute import.

        """
        level = 0
        if name.startswith("."):
            if not package:
                raise TypeError("the 'package' argument is required to perform a relative "
                                f"import for {name!r}")
            level = len(name) - len(name.lstrip("."))
        return _gcd_import(name[level:], package, level)

    def invalidate_caches():
        """Call the invalidate_caches() method on all meta path finders stored in
        sys.meta_path (where implemented)."""
        for finder in sys.meta_path:
            if hasattr(finder, "invalidate_caches"):
                finder.invalidate_caches()

    def _find_spec(name, path):
        for finder in sys.meta_path:
            find_spec = getattr(finder, "find_spec", None)
            if find_spec is None:
                continue
            spec = find_spec(name, path, None)
            if spec is not None:
                return spec
        return None

    def _set_module_attributes(spec, module):
        module.__name__ = spec.name
        module.__loader__ = spec.loader
        module.__package__ = spec.parent
        module.__spec__ = spec
        if spec.submodule_search_locations is not None:
            module.__path__ = spec.submodule_search_locations
        if spec.has_location:
            module.__file__ = spec.origin
            module.__cached__ = spec.cached

    def reload(module):
        """Reload the module and return it.

        The module must have been successfully imported before.

        """
        if not module or not isinstance(module, type(sys)):
            raise TypeError("reload() argument must be a module")
        try:
            name = module.__spec__.name
        except AttributeError:
            name = module.__name__
        if sys.modules.get(name) is not module:
            raise ImportError(f"module {name} not in sys.modules", name=name)
        if name in _RELOADING:
            return _RELOADING[name]
        _RELOADING[name] = module
        try:
            parent_name = name.rpartition(".")[0]
            path = None
            if parent_name:
                try:
                    parent = sys.modules[parent_name]
                except KeyError:
                    raise ImportError(f"parent {parent_name!r} not in sys.modules", name=parent_name) from None
                path = parent.__path__
            spec = _find_spec(name, path)
            if spec is None:
                raise ModuleNotFoundError(f"spec not found for the module {name!r}", name=name)
            _set_module_attributes(spec, module)
            if spec.loader is not None:
                spec.loader.exec_module(module)
            # The module may have replaced itself; it moves to the end of sys.modules.
            module = sys.modules.pop(name)
            sys.modules[name] = module
            return module
        finally:
            del _RELOADING[name]

del _available
