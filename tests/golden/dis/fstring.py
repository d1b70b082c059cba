# tests/golden/dis/fstring.py — f-strings: FORMAT with and without a spec, conversions
# (!r !s), nested format specs, BUILD_STRING.
def show(name, value, width):
    return f"{name!r}: {value:.3f} [{value:>{width}}] {name}{'!' if value else ''}"


print(show("pi", 3.14159, 8))
