import os

# the tests point this at the repository, whose layout is the installed share/ directory's
SHARE_DIRS = {}


def get_package_share_directory(package):
    if package not in SHARE_DIRS:
        raise LookupError(f"package '{package}' not found (stand-in knows: {sorted(SHARE_DIRS)})")
    return SHARE_DIRS[package]
