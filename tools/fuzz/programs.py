"""Seeded random programs over the language dy2st compiles: tensor and Python
conditions, while/for loops with break and continue, early returns, raise and
assert, lists grown in loops, dicts given int keys and sets of ints filled in
loops, helper calls, static recursion, dynamic sizes, and the op table's
elementwise, reduction and shape functions on edge values (0, -0, ±inf, NaN,
huge, tiny, INT64_MIN/MAX, empty tensors).

A program is the text of a module: `f` (the function under test, tensor
parameters first), its helpers, `SPEC` (the InputSpec shapes, None for a
dynamic size, or None for no spec) and `calls()` (argument lists; each call
builds fresh tensors). Every variable has a kind, and every expression is
built for a kind, so a program is well typed by construction:
  f float32 [N, M] tensor   i int64 [N, M]   b bool [N, M]
  s float32 0-d tensor      n Python int     r Python float
"""
import random

FLOAT_EDGES = ["0.0", "-0.0", "float('inf')", "float('-inf')", "float('nan')", "1e30", "-1e30",
               "1e-38", "3.4e38", "1.5", "-2.5", "0.5"]
INT_EDGES = ["0", "1", "-1", "2", "-3", "7", str(-2**63), str(2**63 - 1)]

FLOAT_UNARY = ["exp", "expm1", "log", "log2", "log10", "log1p", "sqrt", "rsqrt", "sin", "cos",
               "tan", "asin", "acos", "atan", "sinh", "cosh", "tanh", "asinh", "acosh", "atanh",
               "erf", "sigmoid", "reciprocal", "floor", "ceil", "round", "trunc", "abs", "neg",
               "sign", "square", "relu"]
PERIODIC = {"sin", "cos", "tan"}
FLOAT_METHODS = ["abs", "exp", "tanh", "sqrt", "floor", "sigmoid"]
ARITH = ["+", "-", "*", "/"]
INT_ARITH = ["+", "-", "*", "//", "%"]
COMPARE = [">", "<", ">=", "<=", "==", "!="]
REDUCTIONS = ["sum", "mean", "max", "min"]
BITWISE = ["bitwise_and", "bitwise_or", "bitwise_xor"]
ACTIVATIONS = ["relu6", "leaky_relu", "gelu", "silu"]


class Program:
    def __init__(self, seed, source):
        self.seed, self.source = seed, source


class Generator:
    """One program per call of `program()`; `self.rng` decides everything."""

    def __init__(self, seed):
        self.rng = random.Random(seed)
        self.seed = seed
        self.lines = []
        self.helpers = []
        self.counter = 0
        self.max_statements = 14

    # -- names and kinds ------------------------------------------------------

    def fresh(self, prefix):
        self.counter += 1
        return f"{prefix}{self.counter}"

    def pick(self, env, kind):
        names = [name for name, k in env.items() if k == kind]
        return self.rng.choice(names) if names else None

    # -- expressions ----------------------------------------------------------

    def expr(self, env, kind, depth=0):
        rng = self.rng
        var = self.pick(env, kind)
        if var is not None and (depth >= 2 or rng.random() < 0.4):
            return var
        if depth >= 3:
            return self.leaf(env, kind)
        return getattr(self, "expr_" + kind)(env, depth + 1)

    def leaf(self, env, kind):
        """An expression of `kind` without subexpressions of other kinds."""
        f = self.pick(env, "f")
        return {"f": f, "i": f"paddle.cast({f}, 'int64')", "b": f"({f} > 0.0)",
                "s": f"{f}.sum()", "n": "1", "r": self.float_literal()}[kind]

    def float_literal(self):
        rng = self.rng
        return rng.choice(FLOAT_EDGES) if rng.random() < 0.3 else repr(round(rng.uniform(-4, 4), 2))

    # Each expression method picks one template; a template builds its
    # subexpressions only when picked.

    def expr_f(self, env, depth):
        rng, e = self.rng, lambda kind: self.expr(env, kind, depth)
        return rng.choice([
            lambda: self.float_unary(e("f")),
            lambda: f"{e('f')}.{rng.choice(FLOAT_METHODS)}()",
            lambda: f"({e('f')} {rng.choice(ARITH)} {e('f')})",
            lambda: f"({e('f')} {rng.choice(ARITH)} {e('r')})",
            lambda: f"({e('r')} {rng.choice(ARITH)} {e('f')})",
            lambda: f"({e('f')} * {e('s')})",
            lambda: f"({e('f')} + {e('n')})",
            lambda: f"paddle.{rng.choice(['maximum', 'minimum'])}({e('f')}, {e('f')})",
            lambda: f"paddle.where({e('b')}, {e('f')}, {e('f')})",
            lambda: f"paddle.where({e('b')}, {e('f')}, {e('r')})",
            lambda: f"paddle.cast({e('i')}, 'float32')",
            lambda: f"({e('f')} - paddle.{rng.choice(REDUCTIONS)}({e('f')}, axis=1, keepdim=True))",
            lambda: f"({e('f')} + paddle.mean({e('f')}, axis=0))",
            lambda: f"paddle.flip({e('f')}, axis=[1])",
            lambda: f"paddle.cumsum({e('f')}, axis=1)",
            lambda: f"{e('f')}[::-1]",
            lambda: f"paddle.reshape(paddle.transpose({e('f')}, [1, 0]), [-1, M])",
            lambda: f"paddle.clip({e('f')}, -2.0, 3.0)",
            lambda: f"paddle.pow(paddle.abs({e('f')}), {rng.choice(['0.5', '2.0', '3'])})",
            # Not by an edge value: products that overflow sum to inf, -inf or
            # nan by the order of the sum, which BLAS and compiled code choose
            # differently (long-run seeds 31837, 34044, 35738).
            lambda: f"paddle.matmul({e('f')}, paddle.ones([M, M]) * {round(rng.uniform(-4, 4), 2)!r})",
            lambda: f"paddle.concat([{e('f')}, {e('f')}], axis=1)[:, :M]",
            lambda: f"paddle.squeeze(paddle.unsqueeze({e('f')}, 0), 0)",
            lambda: f"(paddle.sum({e('f')}, axis=0, keepdim=True) + paddle.zeros_like({e('f')}))",
            lambda: f"paddle.take_along_axis({e('f')}, paddle.argsort({e('f')}, axis=1), axis=1)",
            lambda: f"paddle.sort({e('f')}, axis=1, descending={rng.choice(['True', 'False'])})",
            lambda: f"paddle.gather({e('f')}, paddle.arange(M - 1, -1, -1), axis=1)",
            lambda: f"paddle.full_like({e('f')}, {e('r')})",
            lambda: f"paddle.atan2({e('f')}, {e('f')})",
            lambda: f"({e('f')} {rng.choice(['%', '//'])} {e('f')})",
            lambda: f"paddle.nn.functional.softmax({e('f')}, axis=1)",
            lambda: f"({e('f')} - paddle.logsumexp({e('f')}, axis=1, keepdim=True))",
            lambda: f"paddle.nn.functional.{rng.choice(ACTIVATIONS)}({e('f')})",
        ])()

    def float_unary(self, operand):
        unary = self.rng.choice(FLOAT_UNARY)
        if unary in PERIODIC:
            # Of a large argument they are chaotic: the argument's last bit,
            # rounded differently by another valid order of operations,
            # decides the result.
            return f"paddle.{unary}(paddle.clip({operand}, -100.0, 100.0))"
        return f"paddle.{unary}({operand})"

    def expr_i(self, env, depth):
        rng, e = self.rng, lambda kind: self.expr(env, kind, depth)
        return rng.choice([
            lambda: f"paddle.cast({e('f')}, 'int64')",
            lambda: f"({e('i')} {rng.choice(INT_ARITH)} {e('i')})",
            lambda: f"({e('i')} {rng.choice(INT_ARITH)} {rng.choice(INT_EDGES)})",
            lambda: f"paddle.{rng.choice(['maximum', 'minimum'])}({e('i')}, {e('i')})",
            lambda: f"paddle.{rng.choice(BITWISE)}({e('i')}, {e('i')})",
            lambda: f"(paddle.argmax({e('f')}, axis=1, keepdim=True) + {e('i')})",
            lambda: f"paddle.{rng.choice(['abs', 'sign', 'neg'])}({e('i')})",
            lambda: f"paddle.cast({e('b')}, 'int64')",
            lambda: f"paddle.cumsum({e('i')}, axis=1)",
            lambda: f"(paddle.sum({e('i')}, axis=1, keepdim=True) + {e('i')})",
            lambda: f"paddle.where({e('b')}, {e('i')}, {e('i')})",
        ])()

    def expr_b(self, env, depth):
        rng, e = self.rng, lambda kind: self.expr(env, kind, depth)
        return rng.choice([
            lambda: f"({e('f')} {rng.choice(COMPARE)} {e('f')})",
            lambda: f"({e('f')} {rng.choice(COMPARE)} {e('r')})",
            lambda: f"paddle.{rng.choice(['isnan', 'isinf', 'isfinite'])}({e('f')})",
            lambda: f"({e('i')} {rng.choice(COMPARE)} {e('i')})",
            lambda: f"paddle.logical_{rng.choice(['and', 'or', 'xor'])}({e('b')}, {e('b')})",
            lambda: f"paddle.logical_not({e('b')})",
        ])()

    def expr_s(self, env, depth):
        rng, e = self.rng, lambda kind: self.expr(env, kind, depth)
        return rng.choice([
            lambda: f"paddle.{rng.choice(REDUCTIONS)}({e('f')})",
            lambda: f"{e('f')}.{rng.choice(REDUCTIONS)}()",
            lambda: f"({e('s')} {rng.choice(ARITH)} {e('s')})",
            lambda: f"({e('s')} * {e('r')})",
            lambda: f"paddle.prod({e('f')})",
            lambda: f"paddle.std({e('f')})",
            lambda: f"{e('f')}[0].sum()",
            lambda: f"{e('f')}[-1, 0]",
        ])()

    def expr_n(self, env, depth):
        rng, e = self.rng, lambda kind: self.expr(env, kind, depth)
        return rng.choice([
            lambda: rng.choice(["0", "1", "2", "3", "-1"]),
            lambda: f"{self.pick(env, 'f')}.shape[0]",
            lambda: f"({e('n')} {rng.choice(['+', '-', '*'])} {e('n')})",
            lambda: f"({e('n')} {rng.choice(['//', '%'])} {rng.choice(['2', '3', '-2'])})",
        ])()

    def expr_r(self, env, depth):
        return self.float_literal()

    def condition(self, env, depth=0):
        rng, e = self.rng, lambda kind: self.expr(env, kind, 2)
        simple = [
            lambda: f"{e('s')} {rng.choice(COMPARE)} {e('r')}",
            lambda: f"{e('s')} {rng.choice(COMPARE)} {e('s')}",
            lambda: f"paddle.{rng.choice(['any', 'all'])}({e('b')})",
            lambda: f"{e('n')} {rng.choice(COMPARE)} {rng.choice(['0', '1', '2'])}",
            lambda: e("s"),
            lambda: f"{e('f')}.{rng.choice(REDUCTIONS)}() > {e('r')}",
            lambda: f"paddle.any(paddle.isnan({e('f')}))",
        ]
        nested = [
            lambda: f"not ({self.condition(env, depth + 1)})",
            lambda: f"({self.condition(env, depth + 1)}) {rng.choice(['and', 'or'])} "
                    f"({self.condition(env, depth + 1)})",
        ]
        return rng.choice(simple + (nested if depth < 1 else []))()

    # -- statements -----------------------------------------------------------

    def emit(self, indent, text):
        self.lines.append("    " * indent + text)

    def block(self, env, indent, count, loop=None, returns=None):
        """`count` statements; `env` gains the variables bound on every path
        through them. `loop` is the loop's counter name when in a loop."""
        for _ in range(count):
            self.statement(env, indent, loop, returns)

    def statement(self, env, indent, loop, returns):
        rng = self.rng
        nested = indent < 4 and self.budget > 0
        self.budget -= 1
        roll = rng.random()
        if roll < 0.35 or not nested:
            return self.assign(env, indent)
        if roll < 0.45:
            return self.augmented(env, indent)
        if roll < 0.62:
            return self.if_statement(env, indent, loop, returns)
        if roll < 0.70:
            return self.while_loop(env, indent, returns)
        if roll < 0.78:
            return self.for_loop(env, indent, returns)
        if roll < 0.84 and loop is not None:
            self.emit(indent, f"if {self.condition(env)}:")
            return self.emit(indent + 1, rng.choice(["break", "continue"]))
        if roll < 0.88:
            self.emit(indent, f"if {self.condition(env)}:")
            return self.emit(indent + 1, "return " + self.result(env, returns))
        if roll < 0.90:
            self.emit(indent, f"if {self.condition(env)}:")
            return self.emit(indent + 1, "raise ValueError('raised by the program')")
        if roll < 0.92:
            return self.emit(indent, f"assert {self.condition(env)}, 'asserted by the program'")
        if roll < 0.935:
            return self.list_loop(env, indent, returns)
        if roll < 0.95:
            return self.number_list(env, indent, returns)
        if roll < 0.96:
            return self.accumulate(env, indent, returns)
        if roll < 0.965:
            return self.keyed_counts(env, indent, returns)
        if roll < 0.97:
            return self.seen_items(env, indent, returns)
        if roll < 0.985:
            return self.shared_change(env, indent)
        if roll < 0.995:
            return self.helper_call(env, indent)
        return self.try_statement(env, indent, loop, returns)

    def assign(self, env, indent, kind=None, name=None):
        kind = kind or self.rng.choice("ffffiibsn")
        if name is None:
            old = self.pick(env, kind)
            name = old if old and self.rng.random() < 0.4 else self.fresh("v")
        self.emit(indent, f"{name} = {self.expr(env, kind)}")
        env[name] = kind

    def augmented(self, env, indent):
        kind = self.rng.choice("ffin")
        name = self.pick(env, kind)
        if name is None:
            return self.assign(env, indent, kind)
        op = self.rng.choice(["+=", "-=", "*="])
        self.emit(indent, f"{name} {op} {self.expr(env, kind)}")

    def if_statement(self, env, indent, loop, returns):
        rng = self.rng
        self.emit(indent, f"if {self.condition(env)}:")
        joined = {self.fresh("v"): rng.choice("ffis") for _ in range(rng.randrange(2))}
        branches = [dict(env)]
        self.block(branches[0], indent + 1, rng.randint(1, 3), loop, returns)
        for name, kind in joined.items():
            self.assign(branches[0], indent + 1, kind, name)
        if joined or rng.random() < 0.6:
            self.emit(indent, "else:")
            branches.append(dict(env))
            self.block(branches[1], indent + 1, rng.randint(1, 2), loop, returns)
            for name, kind in joined.items():
                self.assign(branches[1], indent + 1, kind, name)
        env.update(joined)

    def loop_bound(self, env):
        # A Python int bound is capped: the body may change it (a while loop
        # whose bound doubles each time would never end eagerly).
        return self.rng.choice(["3", f"min({self.pick(env, 'n') or 1}, 3)",
                                f"{self.pick(env, 'f')}.shape[0]", "2"])

    def while_loop(self, env, indent, returns):
        rng = self.rng
        counter = self.fresh("c")
        if rng.random() < 0.5:
            self.emit(indent, f"{counter} = 0")
        else:
            self.emit(indent, f"{counter} = paddle.zeros([], 'int64')")
        test = f"{counter} < {self.loop_bound(env)}"
        if rng.random() < 0.4:
            test += f" and ({self.condition(env)})"
        self.emit(indent, f"while {test}:")
        self.emit(indent + 1, f"{counter} += 1")
        self.block(dict(env), indent + 1, rng.randint(1, 3), counter, returns)
        if rng.random() < 0.2:
            self.emit(indent, "else:")
            self.assign(dict(env), indent + 1)

    def for_loop(self, env, indent, returns):
        rng = self.rng
        index = self.fresh("j")
        self.emit(indent, f"for {index} in range({self.loop_bound(env)}):")
        body = dict(env)
        body[index] = "n"
        self.block(body, indent + 1, rng.randint(1, 3), index, returns)

    def grown_by_loop(self, env, indent, returns, prefix, statements, empty="[]"):
        """`items = []` (or `empty`) and a `for` loop of up to `statements`
        statements before the line that grows it: the container's name, the
        loop's index and the variables in its body."""
        items, index = self.fresh(prefix), self.fresh("j")
        self.emit(indent, f"{items} = {empty}")
        self.emit(indent, f"for {index} in range({self.loop_bound(env)}):")
        body = dict(env)
        body[index] = "n"
        self.block(body, indent + 1, self.rng.randint(0, statements), index, returns)
        return items, index, body

    def list_loop(self, env, indent, returns):
        rng = self.rng
        items, _, body = self.grown_by_loop(env, indent, returns, "items", 2)
        self.emit(indent + 1, f"{items}.append({self.expr(body, 'f')})")
        self.emit(indent, f"{items}.append({self.expr(env, 'f')})")
        name = self.fresh("v")
        self.emit(indent, f"{name} = paddle.stack({items}, axis=0).{rng.choice(REDUCTIONS)}(axis=0)")
        env[name] = "f"

    def number_list(self, env, indent, returns):
        """Python numbers of one kind (the loop's index, a tensor's value)
        kept in a list the loop grows, read back as numbers."""
        rng = self.rng
        numbers, index, body = self.grown_by_loop(env, indent, returns, "numbers", 1)
        item = rng.choice([index, f"{index} * 2 - 1",
                           f"float({self.expr(body, 's')})", f"bool({self.condition(body)})"])
        self.emit(indent + 1, f"{numbers}.append({item})")
        if rng.random() < 0.5:
            self.emit(indent, f"if {numbers}:")
            self.emit(indent + 1, f"{numbers}[-1] = {numbers}[0]")
        name = self.fresh("v")
        self.emit(indent, f"{name} = {self.expr(env, 'f')} * (len({numbers}) + sum({numbers}))")
        env[name] = "f"

    def keyed_counts(self, env, indent, returns):
        """A dict of int keys given keys at run time (the loop's index, or a
        key made from a tensor's value), read back by get, `in`, [] and len."""
        rng = self.rng
        table, index, body = self.grown_by_loop(env, indent, returns, "table", 1,
                                                rng.choice(["{}", "{0: 1}"]))
        key = rng.choice([index, f"{index} % 2",
                          f"int(paddle.clip({self.expr(body, 's')}, -3.0, 3.0))"])
        self.emit(indent + 1, f"{table}[{key}] = {table}.get({key}, 0) + {index}")
        probe = rng.choice(["0", "1", self.pick(env, "n") or "2"])
        name = self.fresh("v")
        self.emit(indent, f"{name} = {self.expr(env, 'f')} * (len({table}) + "
                          f"{table}.get({probe}, -1) + ({probe} in {table}))")
        if rng.random() < 0.5:
            self.emit(indent, f"if {probe} in {table}:")
            self.emit(indent + 1, f"{name} = {name} + {table}[{probe}]")
        env[name] = "f"

    def seen_items(self, env, indent, returns):
        """A set of ints filled in a loop (the loop's index, or an int made
        from a tensor's value), read back by `in`, len, sum and sorted."""
        rng = self.rng
        seen, index, body = self.grown_by_loop(env, indent, returns, "seen", 1,
                                               rng.choice(["set()", "{0}"]))
        item = rng.choice([f"{index} % 2", f"int(paddle.clip({self.expr(body, 's')}, -3.0, 3.0))"])
        self.emit(indent + 1, f"{seen}.add({item})")
        if rng.random() < 0.3:
            self.emit(indent, f"{seen}.discard({rng.choice(['0', '1'])})")
        probe = rng.choice(["0", "1", self.pick(env, "n") or "2"])
        name = self.fresh("v")
        self.emit(indent, f"{name} = {self.expr(env, 'f')} * (len({seen}) + sum({seen}) + "
                          f"({probe} in {seen}) + len(sorted({seen})[:1]))")
        env[name] = "f"

    def try_statement(self, env, indent, loop, returns):
        """A `try` whose body may raise after assigning (under a condition,
        or by an assert) and clauses that catch it or let it through, with
        `else` and `finally` blocks now and then; the body may leave by a
        return, or a break or continue of the loop around it, a clause may
        print the exception it names (`as err`), re-raise (a bare `raise`, or
        one in a function it calls), raise another or leave the loop, and the
        `finally` block may leave too, or re-raise (a bare `raise`)."""
        rng = self.rng
        kind = rng.choice("ffis")
        name = self.fresh("v")
        self.emit(indent, "try:")
        self.assign(dict(env), indent + 1, kind, name)
        raised = rng.choice(["ValueError", "KeyError", "IndexError"])
        roll = rng.random()
        if roll < 0.5:
            self.emit(indent + 1, f"if {self.condition(env)}:")
            self.emit(indent + 2, f"raise {raised}('raised in a try')")
        elif roll < 0.75 and self.pick(env, "f"):
            # A row that may be past the end: the IndexError of a check of
            # compiled code, which completes its statement with a safe value.
            row = rng.choice(["3", self.pick(env, "n") or "2", "-4"])
            self.emit(indent + 1, f"{self.fresh('v')} = {self.pick(env, 'f')}[{row}].sum()")
        else:
            self.emit(indent + 1, f"assert {self.condition(env)}, 'asserted in a try'")
        self.leave_sometimes(env, indent + 1, loop, returns, 0.3)
        self.assign(dict(env), indent + 1, kind, name)
        clause = rng.choice(["ValueError", "(KeyError, ValueError)", "LookupError",
                             "Exception", "AssertionError", ""])
        if clause and rng.random() < 0.3:
            # The exception object, printed (its str and repr).
            self.emit(indent, f"except {clause} as err:")
            self.emit(indent + 1, rng.choice(["print('caught', err)", "print(f'{err!r}')"]))
        else:
            self.emit(indent, f"except {clause}:".replace("except :", "except:"))
        self.assign(dict(env), indent + 1, kind, name)
        roll = rng.random()
        if roll < 0.15:
            self.emit(indent + 1, f"if {self.condition(env)}:")
            self.emit(indent + 2, "raise")
        elif roll < 0.25:
            self.emit(indent + 1, f"if {self.condition(env)}:")
            self.emit(indent + 2, "raise KeyError('raised in a clause')")
        elif roll < 0.32:
            # A function whose bare `raise` re-raises what the clause handles.
            helper = self.fresh("re_raise")
            self.helpers.append(f"def {helper}(p):\n    print('re-raising')\n    raise")
            self.emit(indent + 1, f"if {self.condition(env)}:")
            self.emit(indent + 2, f"{helper}({self.pick(env, 'f') or 'a'})")
        else:
            self.leave_sometimes(env, indent + 1, loop, returns, 0.2)
        if rng.random() < 0.3:
            self.emit(indent, "else:")
            self.assign(dict(env), indent + 1, kind, name)
        if rng.random() < 0.3:
            self.emit(indent, "finally:")
            self.emit(indent + 1, f"print('finally', {rng.choice(['1', name])})")
            if rng.random() < 0.15:
                # On an exception's way out it re-raises that one; else a
                # RuntimeError (nothing handled), or a clause's around it.
                self.emit(indent + 1, f"if {self.condition(env)}:")
                self.emit(indent + 2, "raise")
            # Its exit wins over the body's and ends an exception on its way out.
            self.leave_sometimes(env, indent + 1, loop, returns, 0.25)
        env[name] = kind

    def leave_sometimes(self, env, indent, loop, returns, chance):
        """With `chance`, `if condition:` a break or continue of `loop` (where
        there is one) or a return."""
        rng = self.rng
        if rng.random() >= chance:
            return
        self.emit(indent, f"if {self.condition(env)}:")
        if loop is not None and rng.random() < 0.7:
            self.emit(indent + 1, rng.choice(["break", "continue"]))
        else:
            self.emit(indent + 1, "return " + self.result(env, returns))

    def accumulate(self, env, indent, returns):
        """A Python number that a loop turns into a tensor (Paddle's most
        reported to_static failure), then used as an operand."""
        rng = self.rng
        total, index = self.fresh("total"), self.fresh("j")
        self.emit(indent, f"{total} = {rng.choice(['0', '0.0', '1'])}")
        self.emit(indent, f"for {index} in range({self.loop_bound(env)}):")
        body = dict(env)
        body[index] = "n"
        self.block(body, indent + 1, rng.randint(0, 1), index, returns)
        self.emit(indent + 1, f"{total} = {total} + {self.expr(body, 's')}")
        name = self.fresh("v")
        self.emit(indent, f"{name} = {self.expr(env, 'f')} * {total}")
        env[name] = "f"

    def shared_change(self, env, indent):
        """A change made in place that Python shares with another name: through
        a second name (`w = x; w[:, c] = v`), by a helper changing its
        argument, or by a helper appending to a list it is given."""
        rng = self.rng
        target = self.pick(env, "f")
        form = rng.randrange(3)
        if form == 0:
            other = self.fresh("w")
            self.emit(indent, f"{other} = {target}")
            self.emit(indent, f"{other}[:, {rng.choice(['0', '-1', 'M - 1'])}] = "
                              f"{self.expr(env, 's')}")
            env[other] = "f"
        elif form == 1:
            name = self.fresh("change")
            column = rng.choice(["0", "-1", "p.shape[1] - 1"])
            self.helpers.append(f"def {name}(p, value):\n    p[:, {column}] = value")
            self.emit(indent, f"{name}({target}, {self.expr(env, 's')})")
        else:
            items, name = self.fresh("items"), self.fresh("add")
            self.helpers.append(f"def {name}(items, value):\n    items.append(value)")
            self.emit(indent, f"{items} = [{target}]")
            self.emit(indent, f"{name}({items}, {self.expr(env, 'f')})")
            result = self.fresh("v")
            self.emit(indent, f"{result} = paddle.stack({items}, axis=0).sum(axis=0)")
            env[result] = "f"

    def helper_call(self, env, indent):
        rng = self.rng
        name = self.fresh("helper")
        outer_lines, self.lines = self.lines, []
        if rng.random() < 0.5:
            self.emit(0, f"def {name}(p, q):")
            self.emit(1, "M = p.shape[1]")
            self.block({"p": "f", "q": "f"}, 1, rng.randint(1, 3), None, "f")
            self.emit(1, f"return {self.expr({'p': 'f', 'q': 'f'}, 'f')}")
            call = f"{name}({self.expr(env, 'f')}, {self.expr(env, 'f')})"
        else:
            self.emit(0, f"def {name}(p, depth):")
            self.emit(1, "M = p.shape[1]")
            self.emit(1, "if depth <= 0:")
            self.emit(2, "return p")
            self.emit(1, f"return {name}({self.expr({'p': 'f'}, 'f')}, depth - 1)")
            call = f"{name}({self.expr(env, 'f')}, {rng.choice(['0', '1', '3'])})"
        self.helpers.append("\n".join(self.lines))
        self.lines = outer_lines
        result = self.fresh("v")
        self.emit(indent, f"{result} = {call}")
        env[result] = "f"

    def result(self, env, kinds):
        """A returned value: of one kind (a string), or a tuple of kinds (a list)."""
        if isinstance(kinds, str):
            return self.expr(env, kinds)
        values = [self.expr(env, kind) for kind in kinds]
        return ", ".join(values) + ("," if len(values) == 1 else "")

    # -- the program ----------------------------------------------------------

    def inputs(self, rows, columns):
        rng = self.rng

        def floats():
            values = [self.float_literal() if rng.random() < 0.25 else repr(round(rng.uniform(-3, 3), 3))
                      for _ in range(rows * columns)]
            return f"np.array([{', '.join(values)}], dtype='float32').reshape({rows}, {columns})"

        def ints():
            values = [rng.choice(INT_EDGES) if rng.random() < 0.2 else str(rng.randint(-5, 5))
                      for _ in range(rows * columns)]
            return f"np.array([{', '.join(values)}], dtype='int64').reshape({rows}, {columns})"

        return (f"[paddle.to_tensor({floats()}), paddle.to_tensor({floats()}), "
                f"paddle.to_tensor({ints()}), {rng.randint(0, 3)}]")

    def program(self):
        rng = self.rng
        self.budget = self.max_statements
        columns = rng.randint(1, 3)
        returns = [rng.choice("ffibs") for _ in range(rng.randint(1, 3))]
        env = {"a": "f", "b": "f", "k": "i", "n": "n"}
        self.emit(1, f"M = {columns}")
        self.block(env, 1, rng.randint(3, 7), None, returns)
        self.emit(1, "return " + self.result(env, returns))
        body = "\n".join(self.lines)
        dynamic = rng.random() < 0.5
        spec = (f"[([None, {columns}], 'float32'), ([None, {columns}], 'float32'), "
                f"([None, {columns}], 'int64')]") if dynamic else "None"
        sizes = [rng.choice([0, 1, 2, 3, 4])] + ([rng.choice([0, 1, 2, 5])] if dynamic else [])
        calls = ",\n        ".join(self.inputs(rows, columns) for rows in sizes)
        helpers = "\n\n\n".join(self.helpers)
        source = (f"# dy2st fuzz program, seed {self.seed}\n"
                  "import numpy as np\n\nimport dy2st as paddle\n\n\n"
                  + (helpers + "\n\n\n" if helpers else "")
                  + f"def f(a, b, k, n):\n{body}\n\n\n"
                  f"SPEC = {spec}\n\n\n"
                  f"def calls():\n    return [\n        {calls},\n    ]\n")
        return Program(self.seed, source)


def generate(seed):
    """The program of `seed`."""
    return Generator(seed).program()
