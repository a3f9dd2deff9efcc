# RUN: %python %s | FileCheck %s
# `y = x[index]` is a view of x (Paddle's basic indexing): the index and
# whether the subscript is a view (pybuiltins.is_view_index, folded once
# specialized) are kept in hidden variables; a change in place of y writes
# it into x at the index, a change of x reads y again, each under that test.
import dy2st as paddle


def view_changed(x, i):
    row = x[i, 1:]
    row.add_(1.0)
    return x


def base_changed(x):
    row = x[0]
    x.scale_(2.0)
    return row


def row_kept(x):
    for row in x:
        last = row
    x[0] = last
    return last


def item_changed(x):
    items = [x * 1.0]
    first = items[0]
    first.add_(1.0)
    return items


def item_replaced(x):
    items = [x * 1.0]
    first = items[0]
    items.insert(0, x)
    first.add_(1.0)
    return items


def held_item_changed(x):
    h = x * 1.0
    pair = [h, x]
    h.scale_(2.0)
    return pair


print(paddle.jit.to_static(view_changed).code)
print(paddle.jit.to_static(base_changed).code)
print(paddle.jit.to_static(row_kept).code)
print(paddle.jit.to_static(item_changed).code)
print(paddle.jit.to_static(item_replaced).code)
print(paddle.jit.to_static(held_item_changed).code)

# CHECK-LABEL: pydy.func @"view_changed"
# CHECK:     %[[INDEX:.*]] = pydy.tuple
# CHECK:     pydy.store "view.[[K:[0-9]+]].item.0", %{{.*}}
# CHECK:     pydy.store "view.[[K]].index", %[[INDEX]]
# CHECK:     %[[IS:.*]] = pydy.call @"is_view_index
# CHECK:     pydy.store "view.[[K]].is", %[[IS]]
# CHECK:     pydy.store "row"
# CHECK:     pydy.store "row", %[[ADDED:[^ ]*]]
# CHECK:     %[[GUARD:.*]] = pydy.load "view.[[K]].is"
# CHECK:     pydy.if %[[GUARD]]
# CHECK:       %[[AT:.*]] = pydy.load "view.[[K]].index"
# CHECK:       %[[X:.*]] = pydy.load "x"
# CHECK:       %[[ROW:.*]] = pydy.load "row"
# CHECK:       %[[NEW:.*]] = pydy.setitem %[[X]][%[[AT]]] = %[[ROW]]
# CHECK:       pydy.store "x", %[[NEW]]

# CHECK-LABEL: pydy.func @"base_changed"
# CHECK-NOT: view.{{[0-9]+}}.item
# CHECK:     pydy.store "view.[[K2:[0-9]+]].index"
# CHECK:     pydy.store "x", %{{.*}}
# CHECK:     pydy.load "view.[[K2]].is"
# CHECK:     pydy.if
# CHECK:       %[[X2:.*]] = pydy.load "x"
# CHECK:       %[[ROW2:.*]] = pydy.subscript %[[X2]]
# CHECK:       pydy.store "row", %[[ROW2]]

# A row taken by iterating x and read after a change of x: a compile error
# where x is a tensor (its rows are views), decided once specialized.
# CHECK-LABEL: pydy.func @"row_kept"
# CHECK:     pydy.for_in
# CHECK:     pydy.setitem
# CHECK:     %[[X3:.*]] = pydy.load "x"
# CHECK:     %[[IS3:.*]] = pydy.call @"is_view_index{{.*}}"(%[[X3]],
# CHECK:     pydy.if %[[IS3]]
# CHECK-NEXT:  pydy.unsupported "'x' is changed in place here while 'last', which holds a row of it (for row in x:, line 22)
# CHECK-NEXT: } else {

# `first = items[0]` of a list names its item (pybuiltins.is_container, folded
# once specialized): a change of `first` is written into the list.
# CHECK-LABEL: pydy.func @"item_changed"
# CHECK:     %[[C:.*]] = pydy.call @"is_container{{.*}}"
# CHECK:     pydy.store "view.[[K4:[0-9]+]].container", %[[C]]
# CHECK:     pydy.store "first", %{{.*}}
# CHECK:     pydy.load "view.[[K4]].is"
# CHECK:     } else {
# CHECK:       %[[C4:.*]] = pydy.load "view.[[K4]].container"
# CHECK:       pydy.if %[[C4]]
# CHECK:         %[[AT4:.*]] = pydy.load "view.[[K4]].index"
# CHECK:         %[[ITEMS:.*]] = pydy.load "items"
# CHECK:         %[[FIRST:.*]] = pydy.load "first"
# CHECK:         %[[NEW4:.*]] = pydy.setitem %[[ITEMS]][%[[AT4]]] = %[[FIRST]] {item_changed}
# CHECK:         pydy.store "items", %[[NEW4]]

# Items moved since (`insert`): the item may be another: an error once the
# list is known to be one.
# CHECK-LABEL: pydy.func @"item_replaced"
# CHECK:     pydy.load "view.[[K5:[0-9]+]].container"
# CHECK-NEXT: pydy.if
# CHECK-NEXT: pydy.unsupported "'first' names an item of 'items' (first = items[0], line {{[0-9]+}}), and items of 'items' may have been replaced, moved or dropped since

# `pair = [h, x]` makes h pair's item 0 (known here): a change of h is
# written into the list as its item.
# CHECK-LABEL: pydy.func @"held_item_changed"
# CHECK:     pydy.store "pair"
# CHECK:     %[[AT6:.*]] = pydy.constant 0 : i64
# CHECK:     pydy.store "view.[[K6:[0-9]+]].index", %[[AT6]]
# CHECK:     %[[NO:.*]] = pydy.constant false
# CHECK:     %[[YES:.*]] = pydy.constant true
# CHECK:     pydy.store "view.[[K6]].is", %[[NO]]
# CHECK:     pydy.store "view.[[K6]].container", %[[YES]]
# CHECK:     pydy.store "h"
# CHECK:     pydy.load "view.[[K6]].container"
# CHECK:       %[[PAIR:.*]] = pydy.load "pair"
# CHECK:       %[[H:.*]] = pydy.load "h"
# CHECK:       %[[NEW6:.*]] = pydy.setitem %[[PAIR]][%{{.*}}] = %[[H]] {item_changed}
# CHECK:       pydy.store "pair", %[[NEW6]]
