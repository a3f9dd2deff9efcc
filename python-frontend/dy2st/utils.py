"""paddle.utils: nested structures (lists, tuples, dicts of tensors and
numbers); see `dy2st.eager.structures`."""
from .eager.structures import flatten, map_structure, pack_sequence_as

__all__ = ["flatten", "map_structure", "pack_sequence_as"]
