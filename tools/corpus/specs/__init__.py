"""All model specs, the themes, and the hand-listed non-matches."""

import importlib

THEME_MODULES = ["asn_ikn", "perizinan", "bansos", "pengaduan", "manajemen_asn"]

MODELS = []
NON_MATCHES = []
THEMES = []
for _name in THEME_MODULES:
    try:
        _m = importlib.import_module(f"specs.{_name}")
    except ModuleNotFoundError as e:
        if e.name == f"specs.{_name}":
            continue
        raise
    MODELS += _m.MODELS
    NON_MATCHES += getattr(_m, "NON_MATCHES", [])
    THEMES.append(_m.THEME)
