"""Attributes that hold functions (a mixin of Importer): compiled code holds a
function only as code it inlines, so an attribute of an object that outlives
the call and that converted code assigns functions to (PaddleClas's Swin
keeps its roll on a class, `RollWrapper._roll = paddle.roll`; `self.act =
F.relu` in forward) is threaded with a tag, which function it holds (see
unit.object_tag), and the function is written back after the call."""
import ast

from ..eager.tensor import Tensor
from ..nn import Layer
from .unit import MadeObject, NewWrittenAttribute, Static, object_tag


def is_function(obj):
    """A function or other callable that is no layer, class or tensor (an
    attribute holding one is tagged: unit.object_tag)."""
    return callable(obj) and not isinstance(obj, (Layer, type, Tensor))


class FunctionAttributes:
    """Importer's methods for the attributes that hold functions."""

    def outliving_attribute(self, target):
        """Whether `target` is an attribute of a compile-time object that
        outlives the call (its assignment is written back)."""
        key = self.written_key(target)
        return key is not None and not isinstance(key, MadeObject)

    def function_assignment(self, target, node, result):
        """For `obj.attr = value` of an object that outlives the call where
        the attribute holds functions (`RollWrapper._roll = paddle.roll`,
        `self.act = F.relu`): the tag of the function assigned, -1 for None
        (see unit.object_tag); None for any other assignment. Compiled code
        holds a function only as code it inlines: the tag says which one the
        attribute holds, to write back after the call."""
        if not self.outliving_attribute(target):
            return None
        key = self.written_key(target)
        owner = key.__name__ if isinstance(key, type) else type(key).__name__
        if isinstance(node, ast.Lambda):
            self._fail(node, f"assigning a lambda to the attribute '{target.attr}' of {owner}, "
                             "an object that outlives the call, is not supported by dy2st (a "
                             "function defined with def can be)")
        if isinstance(result, Static) and any(result.obj is made for made in self.unit.made):
            self._fail(node, f"assigning an object made in compiled code to the attribute "
                             f"'{target.attr}' of {owner}, an object that outlives the call, is "
                             "not supported by dy2st")
        if isinstance(result, Static) and is_function(result.obj):
            return self.unit.tag_of(result.obj)
        if self.threaded_variable(key, object_tag(target.attr)) is None and \
                not is_function(getattr(key, target.attr, None)):
            return None
        if isinstance(node, ast.Constant) and node.value is None:
            return -1
        self._fail(node, f"the attribute '{target.attr}' of {owner} holds a function: assigning "
                         "it a value other than a function or None is not supported by dy2st")

    def store_object_tag(self, target, tag):
        """The tag of the function `target` (an attribute) now holds."""
        key = self.written_key(target)
        variable = self.threaded_variable(key, object_tag(target.attr))
        if variable is None:
            raise NewWrittenAttribute((key, object_tag(target.attr)))
        self.store(variable, self.constant(tag, target), target)
