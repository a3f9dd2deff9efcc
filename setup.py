"""The build of `pip install .`: CMake builds the extension and the tools
(in build/, which scripts/setup.sh also uses, when it was made for this
Python; else in build/pip-<python tag>), and they are copied into the
package. See pyproject.toml."""
import glob
import importlib.machinery
import importlib.util
import os
import shutil
import subprocess
import sys

from setuptools import find_packages, setup
from setuptools.command.build_py import build_py

ROOT = os.path.dirname(os.path.abspath(__file__))
SUFFIX = importlib.machinery.EXTENSION_SUFFIXES[0]


def build_dir():
    """build/ when its extension is for this interpreter (or not built yet by
    another), else a folder of this interpreter's own."""
    main = os.environ.get("DY2ST_BUILD_DIR") or os.path.join(ROOT, "build")
    made = glob.glob(os.path.join(main, "python", "_dy2st_native*.so"))
    configured = os.path.exists(os.path.join(main, "build.ninja"))
    if (not made and not configured) or any(m.endswith(SUFFIX) for m in made):
        return main
    return os.path.join(main, "pip-" + SUFFIX.strip(".").replace(".so", ""))


class BuildWithCMake(build_py):
    def run(self):
        build = build_dir()
        if not os.path.exists(os.path.join(build, "build.ninja")):
            launcher = ["-DCMAKE_CXX_COMPILER_LAUNCHER=ccache"] if shutil.which("ccache") else []
            subprocess.check_call(["cmake", "-G", "Ninja", "-S", ROOT, "-B", build,
                                   "-DCMAKE_BUILD_TYPE=Release",
                                   f"-DDY2ST_PYTHON={sys.executable}"] + launcher)
        subprocess.check_call(["cmake", "--build", build, "--target", "_dy2st_native",
                               "dy2st-opt", "dy2st-run"])
        super().run()
        package = os.path.join(self.build_lib, "dy2st")
        for found in glob.glob(os.path.join(build, "python", "_dy2st_native*" + SUFFIX)):
            shutil.copy2(found, package)
        # The op table, which the package reads (dy2st/eager/optable.py).
        shutil.copy2(os.path.join(ROOT, "include", "Dy2St", "Dialect", "Pydy", "LibraryOps.def"),
                     os.path.join(package, "eager"))
        os.makedirs(os.path.join(package, "bin"), exist_ok=True)
        for tool in ("dy2st-opt", "dy2st-run"):
            shutil.copy2(os.path.join(build, "bin", tool), os.path.join(package, "bin", tool))


def packages():
    """dy2st and its subpackages; the `paddle` alias only where no real
    Paddle is installed (pip would write over its files)."""
    found = find_packages(os.path.join(ROOT, "python-frontend"),
                          include=["dy2st", "dy2st.*"])
    real = importlib.util.find_spec("paddle")
    ours = os.path.join(ROOT, "python-frontend", "paddle", "__init__.py")
    if real is None or os.path.abspath(real.origin or "") == ours:
        found.append("paddle")
    else:
        print(f"dy2st: a real Paddle is installed ({real.origin}): the `paddle` alias is not",
              file=sys.stderr)
    return found


# setuptools' own files inside CMake's build folder, apart from its lib/ and
# bin/ (and out of the source tree).
SETUPTOOLS_DIR = os.path.join("build", "setuptools")
os.makedirs(SETUPTOOLS_DIR, exist_ok=True)
# Type hints (PEP 561): the markers and the generated stubs of the operations
# (tools/generate_stubs.py), for the `paddle` alias too.
def _stub_patterns(package):
    """The stubs of `package` (python-frontend/<package>), folder by folder."""
    top = os.path.join(ROOT, "python-frontend", package)
    return [os.path.relpath(os.path.join(folder, "*.pyi"), top).replace(os.sep, "/")
            for folder, _, files in os.walk(top) if any(f.endswith(".pyi") for f in files)]


PACKAGE_DATA = {"dy2st": ["py.typed"] + _stub_patterns("dy2st"),
                "paddle": ["py.typed"] + _stub_patterns("paddle")}
setup(package_dir={"": "python-frontend"}, packages=packages(),
      package_data=PACKAGE_DATA, cmdclass={"build_py": BuildWithCMake},
      options={"build": {"build_base": SETUPTOOLS_DIR},
               "egg_info": {"egg_base": SETUPTOOLS_DIR}})
