# tests/scripts/errors/module_not_found.py — uncaught ModuleNotFoundError.
import no_such_module_anywhere
