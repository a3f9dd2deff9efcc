"""A variable bound to several lambdas (or to functions named outside the
function) and only ever called: `f = lambda v: v * 2` before a loop and `f =
lambda v: v - 1` in it, under a test on a tensor. Compiled code calls a
lambda known where it is called, or chosen by a branch; one carried through
a loop is neither. Such a variable becomes the index of its choice; each
lambda becomes a nested def of a hidden name at the function's start (a
lambda reads its free variables when it runs, as a nested def does, so where
it is made does not matter: one with defaults, which are read where it is
made, keeps the variable as it is); and each call is a chain of the calls
under tests of the index."""
import ast
import copy

from .locations import located
from .scopes import own_nodes

def _outside_function(node, local):
    """`F.relu` or `relu`: a function named outside the function."""
    while isinstance(node, ast.Attribute):
        node = node.value
    return isinstance(node, ast.Name) and node.id not in local


def _choosable(value, local):
    if isinstance(value, ast.Lambda):
        return not value.args.defaults and not any(value.args.kw_defaults)
    return isinstance(value, (ast.Name, ast.Attribute)) and _outside_function(value, local)


def rewritten(function):
    """`function` (an ast.FunctionDef) with its variables of choices among
    functions rewritten as above."""
    own = list(own_nodes(function))
    own_ids = {id(n) for n in own}
    nested = [n for n in ast.walk(function) if n is not function and id(n) not in own_ids]
    params = {a.arg for a in ast.walk(function.args) if isinstance(a, ast.arg)}
    local = params | {n.id for n in own if isinstance(n, ast.Name) and
                      isinstance(n.ctx, ast.Store)}
    excluded = params | {n.id for n in nested if isinstance(n, ast.Name)} | \
        {name for n in own + nested if isinstance(n, (ast.Global, ast.Nonlocal))
         for name in n.names}
    stores, calls = {}, set()
    for node in own:
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            calls.add(id(node.func))
    for node in own:
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and \
                isinstance(node.targets[0], ast.Name) and _choosable(node.value, local):
            stores.setdefault(node.targets[0].id, []).append(node)
    other_stores = {n.id for n in own if isinstance(n, ast.Name) and
                    not isinstance(n.ctx, ast.Load) and
                    not any(n is s.targets[0] for s in stores.get(n.id, ()))}
    other_reads = {n.id for n in own if isinstance(n, ast.Name) and
                   isinstance(n.ctx, ast.Load) and id(n) not in calls}
    chosen = {name: sorted(assigns, key=lambda a: (a.lineno, a.col_offset))
              for name, assigns in stores.items()
              if len(assigns) > 1 and name not in excluded | other_stores | other_reads}
    if not chosen:
        return function
    hoisted, callees, index = [], {}, {}
    for name, assigns in chosen.items():
        callees[name] = []
        for i, assign in enumerate(assigns):
            index[id(assign)] = i
            if isinstance(assign.value, ast.Lambda):
                hidden = f"_dy2st_choice_{name}_{i}"
                lam = assign.value
                hoisted.append(located(ast.FunctionDef(
                    name=hidden, args=lam.args, body=[located(ast.Return(lam.body), lam.body)],
                    decorator_list=[], returns=None, type_params=[]), assign))
                callees[name].append(ast.Name(hidden, ast.Load()))
            else:
                callees[name].append(assign.value)

    class Rewrite(ast.NodeTransformer):
        def visit_Assign(self, node):
            if id(node) not in index:
                return self.generic_visit(node)
            return located(ast.Assign(node.targets, ast.Constant(index[id(node)])), node)

        def visit_Call(self, node):
            self.generic_visit(node)
            if not (isinstance(node.func, ast.Name) and node.func.id in chosen):
                return node
            name = node.func.id
            options = callees[name]
            chain = ast.Call(copy.deepcopy(options[-1]), node.args, node.keywords)
            for i in range(len(options) - 2, -1, -1):
                test = ast.Compare(ast.Name(name, ast.Load()), [ast.Eq()], [ast.Constant(i)])
                call = ast.Call(copy.deepcopy(options[i]), copy.deepcopy(node.args),
                                copy.deepcopy(node.keywords))
                chain = ast.IfExp(test, call, chain)
            return located(chain, node)

        def visit_Lambda(self, node):
            return node

        def visit_FunctionDef(self, node):
            return self.generic_visit(node) if node is function else node

    function = Rewrite().visit(function)
    function.body[:0] = hoisted
    return function
