"""The layers call only downward (issue 17), in Python and in C++.

Python: eager (tensors, kernels, composites, `nn`) < compiler (importer,
tracer, signatures) < runtime (native extension, compiled functions, saved
models) < the Paddle-facing API (`dy2st`, `jit`, `static`, ...). Every import,
at the top of a module or deferred into a function, goes to the same layer or
a lower one, and no modules import each other in a cycle.

C++: each folder of include/Dy2St and lib includes only the folders listed
for it; the runtime includes no dialect and links no pass."""
import ast
import pathlib
import re

ROOT = pathlib.Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "python-frontend" / "dy2st"

LAYERS = ["eager", "compiler", "runtime", "api"]


def _layer(module):
    parts = module.split(".")
    if len(parts) > 1 and parts[1] in ("eager", "nn"):
        return "eager"
    if len(parts) > 1 and parts[1] in ("compiler", "runtime"):
        return parts[1]
    return "api"


def _modules():
    found = {}
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name] = path
    return found


def _imports(name, path, modules):
    """The package's modules that `name` imports anywhere in its code, with lines."""
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    edges = []
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[:len(package.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            for alias in node.names:
                if f"{target}.{alias.name}" in modules:
                    edges.append((f"{target}.{alias.name}", node.lineno))
                elif target in modules:
                    edges.append((target, node.lineno))
        elif isinstance(node, ast.Import):
            edges += [(a.name, node.lineno) for a in node.names if a.name in modules]
    return [(target, line) for target, line in edges if target != name]


def _graph():
    modules = _modules()
    return modules, {name: _imports(name, path, modules) for name, path in modules.items()}


def _cycles(graph):
    """The strongly connected components of more than one module (Tarjan)."""
    index, low, stack, on_stack, found = {}, {}, [], set(), []

    def visit(v):
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w, _ in graph[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in graph:
        if v not in index:
            visit(v)
    return found


def test_python_modules_import_no_cycle():
    _, graph = _graph()
    assert _cycles(graph) == []


def test_python_layers_import_only_downward():
    modules, graph = _graph()
    upward = [f"{modules[name].relative_to(ROOT)}:{line}: {_layer(name)} imports "
              f"{target} ({_layer(target)})"
              for name, edges in graph.items() for target, line in edges
              if LAYERS.index(_layer(target)) > LAYERS.index(_layer(name))]
    assert upward == []


def test_the_checks_see_a_cycle_and_an_upward_import():
    graph = {"dy2st.eager.a": [("dy2st.compiler.b", 1)], "dy2st.compiler.b": [("dy2st.eager.a", 2)]}
    assert _cycles(graph) == [["dy2st.compiler.b", "dy2st.eager.a"]]
    assert LAYERS.index(_layer("dy2st.compiler.b")) > LAYERS.index(_layer("dy2st.eager.a"))
    assert _layer("dy2st.nn.layer") == "eager" and _layer("dy2st.jit") == "api"
    # The real graph has the edges the checks are about (the scan reads imports).
    _, real = _graph()
    assert any(t == "dy2st.eager.tensor" for t, _ in real["dy2st.compiler.importer"])
    assert any(t == "dy2st.compiler.callbacks" for t, _ in real["dy2st.runtime.native"])


# C++: what each folder (of include/Dy2St and of lib) may include from Dy2St/.
_INCLUDES = {
    "Support": {"Support"},
    "Dialect": {"Support", "Dialect"},
    "Conversion": {"Support", "Dialect", "Conversion"},
    "Transforms": {"Support", "Dialect", "Conversion", "Transforms"},
    "Pipelines": {"Support", "Dialect", "Conversion", "Transforms", "Pipelines",
                  "Registration.h"},
    "Runtime": {"Support", "Runtime"},
    "Compiler": {"Support", "Dialect", "Pipelines", "Runtime", "Compiler", "Registration.h"},
}
_INCLUDE = re.compile(r'^\s*#\s*include\s+"(Dy2St|mlir)/([^/"]+)', re.M)


def test_cpp_folders_include_only_downward():
    wrong = []
    for top in (ROOT / "include" / "Dy2St", ROOT / "lib"):
        for folder, allowed in _INCLUDES.items():
            for path in sorted((top / folder).rglob("*")):
                if path.suffix not in (".h", ".cpp", ".def", ".inc"):
                    continue
                for project, part in _INCLUDE.findall(path.read_text()):
                    if project == "Dy2St" and part not in allowed:
                        wrong.append(f"{path.relative_to(ROOT)} includes Dy2St/{part}")
                    if project == "mlir" and folder == "Runtime" and part not in \
                            ("ExecutionEngine",):
                        wrong.append(f"{path.relative_to(ROOT)} includes mlir/{part}")
    assert wrong == []


def test_runtime_library_links_no_pass():
    cmake = (ROOT / "lib" / "Runtime" / "CMakeLists.txt").read_text()
    library = cmake[cmake.index("dy2st_add_library(Dy2StRuntime"):]
    library = library[:library.index(")")]
    links = library[library.index("LINK"):].split()[1:]
    assert links and all(not re.search(r"Dialect|Conversion|Transforms|Pipelines|Compiler|MLIR",
                                       name) for name in links), links
