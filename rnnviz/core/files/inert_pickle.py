"""Reading a `torch.save(model, path)` file without running anything in it.

A whole-model file is a zip: `data.pkl`, a pickle of the module tree, and `data/<key>`,
the raw bytes of each tensor's storage. Unpickling it the normal way imports the
model's own code (its classes) and calls whatever the pickle names: a file can run
any code that way. This reader never imports or calls what the file names. Every class
and function in the pickle becomes an inert `Record` (calling it, building it, setting
its state only records the arguments), except a short list rebuilt here by our own
code: tensors (from the storages' bytes, by dtype, offset, size and stride), ordered
dicts and dtypes. The module tree is then walked for its parameters under their dotted
names — what `model.state_dict()` would have given.
"""

from __future__ import annotations

import collections
import io
import pickle
import zipfile
from pathlib import Path

import numpy as np
import torch

from rnnviz.core.errors import RnnvizError

_STORAGE_DTYPES = {
    "FloatStorage": torch.float32, "DoubleStorage": torch.float64,
    "HalfStorage": torch.float16, "BFloat16Storage": torch.bfloat16,
    "LongStorage": torch.int64, "IntStorage": torch.int32, "ShortStorage": torch.int16,
    "CharStorage": torch.int8, "ByteStorage": torch.uint8, "BoolStorage": torch.bool,
    "UntypedStorage": torch.uint8,
}
_DTYPES = {name: getattr(torch, name) for name in (
    "float32", "float64", "float16", "bfloat16", "int64", "int32", "int16", "int8", "uint8",
    "bool", "float", "double", "half", "long", "int", "short")}
MAX_DEPTH = 64  # module trees are shallow; a deeper one is refused, not recursed into


class Record:
    """Whatever the pickle named (a class, a function): inert. Calling it, or building an
    instance of it, keeps the arguments and the state; nothing is imported or run."""

    def __init__(self, module: str, name: str, args: tuple = (), made_by: Record | None = None):
        self.module, self.name, self.args = module, name, args
        self.made_by = made_by  # the record called to make this one
        self.state: object = None

    def __call__(self, *args, **kwargs) -> Record:
        return Record(self.module, self.name, args, made_by=self)

    def __setstate__(self, state) -> None:  # BUILD
        self.state = state

    def __repr__(self) -> str:
        return f"<{self.module}.{self.name}>"

    @property
    def qualname(self) -> str:
        return f"{self.module}.{self.name}"

    def attributes(self) -> dict:
        """The instance's __dict__ as the pickle set it (BUILD state, or reconstructor's)."""
        state = self.state
        if isinstance(state, tuple) and len(state) == 2:  # (dict, slots)
            state = state[0]
        return state if isinstance(state, dict) else {}


class _RecordClass(type):
    """A stand-in class per global name: NEWOBJ's cls.__new__(cls, *args) makes a Record."""

    def __new__(mcs, module: str, name: str):
        namespace = {"__module__": "rnnviz.inert", "__new__": staticmethod(_new_record),
                     "record": Record(module, name)}
        return super().__new__(mcs, name, (), namespace)

    def __init__(cls, module: str, name: str):
        super().__init__(name, (), {})

    def __call__(cls, *args, **kwargs):  # REDUCE on the class itself: a call
        return cls.record(*args, **kwargs)


def _new_record(cls, *args):
    return Record(cls.record.module, cls.record.name, args, made_by=cls.record)


class _Storage:
    def __init__(self, dtype: torch.dtype, data: bytes):
        self.tensor = torch.frombuffer(bytearray(data), dtype=dtype) if data else \
            torch.empty(0, dtype=dtype)


class Rebuilt:
    """A tensor rebuilt from the file, kept in a box: pickle's BUILD on it (which would
    call torch's own Tensor.__setstate__ with the file's arguments) is refused."""

    def __init__(self, tensor: torch.Tensor):
        self.tensor = tensor

    def __setstate__(self, _state) -> None:
        raise RnnvizError("the file sets a tensor's internal state, which rnnviz does not do")


def _whole(values) -> tuple[int, ...]:
    if not isinstance(values, (tuple, list)) or not all(isinstance(v, int) for v in values):
        raise RnnvizError("a tensor's size or stride in the file is not whole numbers")
    return tuple(values)


def _rebuild_tensor(storage, offset, size, stride, *_rest) -> Rebuilt:
    """A tensor's own copy of its elements: no more elements than its storage holds (a
    stride of 0, or overlapping strides, cannot make a small file fill the memory)."""
    if not isinstance(storage, _Storage) or not isinstance(offset, int):
        raise RnnvizError("a tensor in the file has no storage of its own")
    size, stride = _whole(size), _whole(stride)
    base = storage.tensor
    count = int(np.prod(size, dtype=np.int64)) if size else 1
    need = offset + sum((s - 1) * st for s, st in zip(size, stride)) + 1 if count else 0
    if (len(size) != len(stride) or offset < 0 or any(st < 0 for st in stride)
            or need > base.numel() or count > base.numel()):
        raise RnnvizError("a tensor in the file points outside its storage, or claims more "
                          "elements than it has; the file is damaged")
    return Rebuilt(torch.as_strided(base, size, stride, offset).clone())


def _rebuild_parameter(data, *_rest):
    return data


def _rebuild_from_type(func, _new_type, args, _state):
    return func(*args)


def _reconstructor(cls, _base, _state=None):  # copyreg._reconstructor(cls, object, None)
    return cls() if isinstance(cls, Record) else _new_record(cls)


_REBUILT = {
    ("torch._utils", "_rebuild_tensor_v2"): _rebuild_tensor,
    ("torch._utils", "_rebuild_tensor"): _rebuild_tensor,
    ("torch._utils", "_rebuild_parameter"): _rebuild_parameter,
    ("torch._utils", "_rebuild_parameter_with_state"): _rebuild_parameter,
    ("torch._tensor", "_rebuild_from_type_v2"): _rebuild_from_type,
    ("collections", "OrderedDict"): collections.OrderedDict,
    ("copyreg", "_reconstructor"): _reconstructor,
}


class _InertUnpickler(pickle.Unpickler):
    def __init__(self, data: bytes, storages):
        super().__init__(io.BytesIO(data))
        self._storages = storages
        self._classes: dict[tuple[str, str], type] = {}

    def find_class(self, module: str, name: str):
        if (module, name) in _REBUILT:
            return _REBUILT[(module, name)]
        if module == "torch" and name in _STORAGE_DTYPES:
            return ("storage-type", _STORAGE_DTYPES[name])
        if module == "torch" and name in _DTYPES:
            return _DTYPES[name]
        if (module, name) not in self._classes:  # inert: never imported, never called
            self._classes[(module, name)] = _RecordClass(module, name)
        return self._classes[(module, name)]

    def persistent_load(self, pid):
        if not isinstance(pid, tuple) or not pid or pid[0] not in ("storage", b"storage"):
            raise RnnvizError("the file refers to data that is not a tensor storage")
        _, kind, key, _location, _numel = pid[:5]
        dtype = kind[1] if isinstance(kind, tuple) and kind[0] == "storage-type" else None
        if dtype is None:
            raise RnnvizError(f"a storage of an unknown type ({kind!r}) in the file")
        return self._storages(str(key), dtype)


def read_whole_model(path: str | Path) -> tuple[dict[str, torch.Tensor], dict]:
    """The parameters of a `torch.save(model)` file under their dotted names, and what the
    module tree says about them: {"classes": {prefix: 'torch.nn.modules.rnn.LSTM', ...},
    "attributes": {prefix: {...}}} (e.g. an nn.RNN's nonlinearity). Nothing is run."""
    path = Path(path)
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        raise RnnvizError(f"{path.name} is neither a state_dict nor a whole model saved by "
                          f"torch.save in its zip format ({exc})") from None
    with archive:
        names = archive.namelist()
        pickles = [n for n in names if n.endswith("/data.pkl") or n == "data.pkl"]
        if not pickles:
            raise RnnvizError(f"{path.name} is a zip file but not a torch.save archive (no "
                              f"data.pkl)")
        root = pickles[0][: -len("data.pkl")]
        order = "little"
        if root + "byteorder" in names:
            order = archive.read(root + "byteorder").decode("ascii", "replace").strip()
        cache: dict[str, _Storage] = {}

        compressed = [i for i in archive.infolist() if i.compress_type != zipfile.ZIP_STORED
                      and i.file_size > 1000 * max(i.compress_size, 1)]
        if compressed:  # torch.save stores entries as they are; a zip bomb does not
            raise RnnvizError(f"{path.name} holds an entry that would unpack to "
                              f"{compressed[0].file_size:,} bytes from "
                              f"{compressed[0].compress_size:,}; not a torch.save archive")

        def storage(key: str, dtype: torch.dtype) -> _Storage:
            if key not in cache:
                entry = f"{root}data/{key}"
                if entry not in names:
                    raise RnnvizError(f"{path.name} lacks the storage {key}; the file is "
                                      f"damaged")
                raw = archive.read(entry)
                if order == "big" and dtype.itemsize > 1:
                    raw = np.frombuffer(raw, dtype=np.dtype(f">u{dtype.itemsize}")) \
                        .astype(f"<u{dtype.itemsize}").tobytes()
                cache[key] = _Storage(dtype, raw)
            return cache[key]

        try:
            top = _InertUnpickler(archive.read(pickles[0]), storage).load()
        except RnnvizError:
            raise
        except Exception as exc:  # noqa: BLE001 - a broken pickle is the file's problem
            first = str(exc).splitlines()[0][:120] if str(exc) else type(exc).__name__
            raise RnnvizError(f"{path.name}'s pickle cannot be read without running it "
                              f"({first}); re-save it with torch.save(model.state_dict(), "
                              f"path)") from None
    try:
        return _walk(top, path.name)
    except RnnvizError:
        raise
    except Exception as exc:  # noqa: BLE001 - a tree of odd records is the file's problem
        raise RnnvizError(f"{path.name}'s module tree cannot be read ({type(exc).__name__}); "
                          f"re-save it with torch.save(model.state_dict(), path)") from None


MAX_NODES = 100_000  # modules and dicts visited: a real model has hundreds


def _walk(top, name: str) -> tuple[dict[str, torch.Tensor], dict]:
    params: dict[str, torch.Tensor] = {}
    info: dict = {"classes": {}, "attributes": {}}
    seen: set[int] = set()  # a module reached twice (the pickle memo) is walked once

    def dict_of(value) -> dict:
        return value if isinstance(value, dict) else {}

    def visit(node, prefix: str, depth: int) -> None:
        if isinstance(node, Rebuilt):
            params[prefix.rstrip(".")] = node.tensor
            return
        if id(node) in seen:
            return
        seen.add(id(node))
        if depth > MAX_DEPTH or len(seen) > MAX_NODES:
            raise RnnvizError(f"{name}: the module tree is deeper than {MAX_DEPTH} levels or "
                              f"has more than {MAX_NODES:,} parts; re-save the state_dict")
        if isinstance(node, dict):  # a state_dict or a checkpoint dict inside the file
            for key, value in node.items():
                if isinstance(value, (Rebuilt, dict, Record)):
                    visit(value, f"{prefix}{key}.", depth + 1)
            return
        if not isinstance(node, Record):
            return
        attributes = node.attributes()
        info["classes"][prefix.rstrip(".")] = node.qualname
        plain = {k: v for k, v in attributes.items()
                 if isinstance(v, (str, int, float, bool)) and not k.startswith("_")}
        info["attributes"][prefix.rstrip(".")] = plain
        for group in ("_parameters", "_buffers"):
            for key, value in dict_of(attributes.get(group)).items():
                if isinstance(value, Rebuilt):
                    params[f"{prefix}{key}"] = value.tensor
        for key, child in dict_of(attributes.get("_modules")).items():
            if isinstance(child, (Record, dict)):
                visit(child, f"{prefix}{key}.", depth + 1)

    visit(top, "", 0)
    if not params:
        raise RnnvizError(f"{name} holds no tensors rnnviz can read; re-save it with "
                          f"torch.save(model.state_dict(), path)")
    return params, info
