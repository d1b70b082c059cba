# tests/scripts/errors/custom_exception.py — uncaught user exception class.
class ConfigError(Exception):
    pass


def load(name):
    raise ConfigError(f"cannot load {name!r}")


load("settings")
