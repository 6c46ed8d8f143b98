#!/usr/bin/env python3
"""gen-artifacts.py - writes malicious, benign and malformed model files of every format the
inspector reads, with the Python standard library only (no torch, numpy or tensorflow), and a
manifest.json listing each file with its expected format, verdict and imports (module, name,
byte offset, archive member).  Usage: gen-artifacts.py OUTDIR

Pickles are assembled opcode by opcode, so every trick is explicit and every import offset is
known: STACK_GLOBAL through the memo and DUP, dotted names reaching os through torch, Python 2
names, several pickles in a stream, frames that overrun, joblib's raw array bytes between
opcodes, pickles hidden behind archives.  Nothing here is ever unpickled."""
import bz2
import gzip
import io
import json
import lzma
import os
import struct
import sys
import tarfile
import zipfile
import zlib


# ---------------------------------------------------------------- a pickle assembler

class P:
    """Append opcodes; imports() gives the expected (module, name, offset) of each global."""

    def __init__(self, proto=None):
        self.b = bytearray()
        self.imps = []
        if proto is not None:
            self.proto(proto)

    def raw(self, data):
        self.b += data
        return self

    def proto(self, n):
        return self.raw(bytes([0x80, n]))

    def frame(self, n):
        return self.raw(b'\x95' + struct.pack('<Q', n))

    def glob(self, module, name, expect=None):
        """GLOBAL 'c' module\\nname\\n; EXPECT overrides the expected (module, name)."""
        self.imps.append((expect or (module, name)) + (len(self.b),))
        return self.raw(b'c' + module.encode() + b'\n' + name.encode() + b'\n')

    def inst(self, module, name):
        self.imps.append((module, name, len(self.b)))
        return self.raw(b'i' + module.encode() + b'\n' + name.encode() + b'\n')

    def stack_global(self, module, name):
        self.imps.append((module, name, len(self.b)))
        return self.raw(b'\x93')

    def u(self, s):  # SHORT_BINUNICODE or BINUNICODE
        e = s.encode()
        return self.raw((b'\x8c' + bytes([len(e)]) if len(e) < 256 else b'X' + struct.pack('<I', len(e))) + e)

    def binunicode(self, s):
        e = s.encode()
        return self.raw(b'X' + struct.pack('<I', len(e)) + e)

    def string(self, s):  # protocol 0 STRING
        return self.raw(b'S' + repr(s).encode() + b'\n')

    def sg(self, module, name):  # module, name, STACK_GLOBAL with MEMOIZE like pickle 4 does
        self.u(module).memo().u(name).memo()
        return self.stack_global(module, name).memo()

    def memo(self):
        return self.raw(b'\x94')

    def put(self, i):
        return self.raw(b'q' + bytes([i]) if i < 256 else b'r' + struct.pack('<I', i))

    def get(self, i):
        return self.raw(b'h' + bytes([i]) if i < 256 else b'j' + struct.pack('<I', i))

    def int(self, v):
        if 0 <= v < 256:
            return self.raw(b'K' + bytes([v]))
        if 0 <= v < 65536:
            return self.raw(b'M' + struct.pack('<H', v))
        return self.raw(b'J' + struct.pack('<i', v))

    def op(self, c):
        return self.raw(c if isinstance(c, bytes) else bytes([c]))

    def mark(self): return self.op(b'(')
    def tuple(self): return self.op(b't')
    def tuple1(self): return self.op(0x85)
    def tuple2(self): return self.op(0x86)
    def tuple3(self): return self.op(0x87)
    def empty_tuple(self): return self.op(b')')
    def empty_dict(self): return self.op(b'}')
    def empty_list(self): return self.op(b']')
    def setitems(self): return self.op(b'u')
    def setitem(self): return self.op(b's')
    def appends(self): return self.op(b'e')
    def reduce(self): return self.op(b'R')
    def newobj(self): return self.op(0x81)
    def build(self): return self.op(b'b')
    def none(self): return self.op(b'N')
    def true(self): return self.op(0x88)
    def false(self): return self.op(0x89)
    def stop(self): return self.op(b'.')

    def bytes(self):
        return bytes(self.b)

    def imports(self, base=0, member=None):
        return [imp(m, n, o + base, member) for (m, n, o) in self.imps]


def imp(module, name, offset, member=None):
    return {'module': module, 'name': name, 'offset': offset, 'member': member}


def rebase(imps, base=0, member=None):
    out = []
    for i in imps:
        j = dict(i)
        j['offset'] += base
        if member is not None:
            j['member'] = member if i['member'] is None else member + '!' + i['member']
        out.append(j)
    return out


# ---------------------------------------------------------------- realistic pickles

def torch_state_dict(proto=2, storage_cls='FloatStorage'):
    """What torch.save writes as data.pkl for {'fc.weight': tensor(2x3)}."""
    p = P(proto)
    p.glob('collections', 'OrderedDict').put(0).empty_tuple().reduce().put(1)
    p.mark()
    p.binunicode('fc.weight').put(2)
    p.glob('torch._utils', '_rebuild_tensor_v2').put(3)
    p.mark()
    p.mark().binunicode('storage').put(4).glob('torch', storage_cls).put(5)
    p.binunicode('0').put(6).binunicode('cpu').put(7).int(6).tuple().put(8).op(b'Q')  # BINPERSID
    p.int(0).int(2).int(3).tuple2().put(9).int(3).int(1).tuple2().put(10).false()
    p.get(0).empty_tuple().reduce().put(11).tuple().put(12).reduce().put(13)
    p.setitems().stop()
    return p


def torch_zip(pickle_bytes, root='archive', extra=(), code=False, constants=None):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, 'w', zipfile.ZIP_STORED) as z:
        z.writestr(f'{root}/data.pkl', pickle_bytes)
        z.writestr(f'{root}/byteorder', 'little')
        if code:
            z.writestr(f'{root}/code/__torch__/model.py', 'class Model(Module):\n  def forward(self, x):\n    return x\n')
        if constants is not None:
            z.writestr(f'{root}/constants.pkl', constants)
        z.writestr(f'{root}/data/0', b'\x80\x02cos\nsystem\n' + b'\0' * 13)  # raw storage bytes: not a pickle
        z.writestr(f'{root}/version', '3\n')
        for name, data in extra:
            z.writestr(name, data)
    return buf.getvalue()


def npy(descr, shape, data, version=1):
    header = "{'descr': %r, 'fortran_order': False, 'shape': %s, }" % (descr, repr(tuple(shape)))
    pre = 10 if version == 1 else 12
    pad = 64 - ((pre + len(header) + 1) % 64)
    header = header + ' ' * pad + '\n'
    if version == 1:
        head = b'\x93NUMPY\x01\x00' + struct.pack('<H', len(header))
    else:
        head = b'\x93NUMPY\x02\x00' + struct.pack('<I', len(header))
    return head + header.encode(), data


def ndarray_pickle(proto=3):
    """numpy's pickle of a small float array: numpy.core.multiarray._reconstruct + BUILD."""
    p = P(proto)
    p.glob('numpy.core.multiarray', '_reconstruct').put(0)
    p.glob('numpy', 'ndarray').put(1).int(0).tuple1().raw(b'C\x01b').tuple3().put(2).reduce().put(3)
    p.mark().int(1).int(2).tuple1()
    p.glob('numpy', 'dtype').put(4).raw(b'X\x02\x00\x00\x00f8').false().true().tuple3().reduce().put(5)
    p.mark().int(3).raw(b'X\x01\x00\x00\x00<').none().none().none().raw(b'J\xff\xff\xff\xffJ\xff\xff\xff\xff').int(0).tuple().build()
    p.false().raw(b'C\x10' + b'\0' * 16).tuple().build().stop()
    return p


def joblib_dtype(p, descr, elsize, flags):
    """numpy.dtype(descr, False, True) + BUILD state, protocol 4 style."""
    p.sg('numpy', 'dtype')
    p.u(descr).memo().false().true().tuple3().memo().reduce().memo()
    p.mark().int(3).u('|' if descr.startswith('O') else '<').memo().none().none().none()
    p.raw(b'J' + struct.pack('<i', elsize)).raw(b'J' + struct.pack('<i', 8 if flags else 8)).int(flags).tuple().memo().build()
    return p


def joblib_file(evil_after=False, object_array=None, tail_evil_in_data=True):
    """joblib.dump({'coef_': array}) of a sklearn estimator: the array bytes sit between opcodes."""
    p = P(4)
    p.sg('sklearn.linear_model._base', 'LinearRegression').empty_tuple().newobj().memo()
    p.empty_dict().memo().mark()
    p.u('coef_').memo()
    p.sg('joblib.numpy_pickle', 'NumpyArrayWrapper').empty_tuple().newobj().memo()
    p.empty_dict().memo().mark()
    p.u('subclass').memo().sg('numpy', 'ndarray')
    p.u('shape').memo().int(3).tuple1().memo()
    p.u('order').memo().u('C').memo()
    p.u('dtype').memo()
    if object_array is None:
        joblib_dtype(p, 'f8', 8, 0)
    else:
        joblib_dtype(p, 'O8', 8, 63)
    p.u('allow_mmap').memo().false()
    p.u('numpy_array_alignment_bytes').memo().int(16)
    p.setitems().build()
    nested = []
    if object_array is None:
        pos = len(p.b) + 1
        padding = 16 - (pos % 16)
        p.raw(bytes([padding]) + b'\xff' * padding)
        data = b"cos\nsystem\n(S'ls'\ntR." if tail_evil_in_data else b'\0' * 21
        p.raw(data + b'\0' * (24 - len(data)))
    else:
        base = len(p.b)
        p.raw(object_array.bytes())
        nested = object_array.imports(base)
    p.u('intercept_').memo().raw(b'G' + struct.pack('>d', 0.5))
    if evil_after:
        p.u('x').memo()
        p.sg('os', 'system').u('echo pwned').memo().tuple1().memo().reduce().memo()
    p.setitems().build().stop()
    imps = p.imports()
    # the nested pickle's imports come between the wrapper's and the rest, in file order
    return p.bytes(), sorted(imps + nested, key=lambda i: i['offset'])


# ---------------------------------------------------------------- other formats

def safetensors(tensors, metadata=None, header_override=None, data_cut=0):
    header, data = {}, b''
    sizes = {'F32': 4, 'F16': 2, 'BF16': 2, 'I64': 8, 'U8': 1}
    for name, dtype, shape in tensors:
        n = sizes[dtype]
        for d in shape:
            n *= d
        header[name] = {'dtype': dtype, 'shape': shape, 'data_offsets': [len(data), len(data) + n]}
        data += b'\x01' * n
    if metadata is not None:
        header['__metadata__'] = metadata
    h = header_override if header_override is not None else json.dumps(header).encode()
    out = struct.pack('<Q', len(h)) + h + data
    return out[:len(out) - data_cut] if data_cut else out


def gguf(version=3, kv=(), tensors=(), count_override=None):
    def s(x):
        e = x.encode()
        return (struct.pack('<I', len(e)) if version == 1 else struct.pack('<Q', len(e))) + e

    def cnt(n):
        return struct.pack('<I', n) if version == 1 else struct.pack('<Q', n)

    out = b'GGUF' + struct.pack('<I', version)
    nt, nk = count_override or (len(tensors), len(kv))
    out += cnt(nt) + cnt(nk)
    for key, typ, val in kv:
        out += s(key) + struct.pack('<I', typ)
        if typ == 8:
            out += s(val)
        elif typ == 4:
            out += struct.pack('<I', val)
        elif typ == 9:  # array of strings
            out += struct.pack('<I', 8) + cnt(len(val)) + b''.join(s(v) for v in val)
        elif typ == 6:
            out += struct.pack('<f', val)
    for name, dims, typ in tensors:
        out += s(name) + struct.pack('<I', len(dims))
        out += b''.join(struct.pack('<I', d) if version == 1 else struct.pack('<Q', d) for d in dims)
        out += struct.pack('<I', typ) + struct.pack('<Q', 0)
    return out + b'\0' * 32


def pb_varint(v):
    out = b''
    while True:
        b = v & 0x7F
        v >>= 7
        if v:
            out += bytes([b | 0x80])
        else:
            return out + bytes([b])


def pbf(field, value):
    if isinstance(value, int):
        return pb_varint(field << 3) + pb_varint(value)
    if isinstance(value, str):
        value = value.encode()
    return pb_varint(field << 3 | 2) + pb_varint(len(value)) + value


def onnx_model(external=None, custom_domain=None):
    node = pbf(1, 'x') + pbf(2, 'y') + pbf(3, 'relu0') + pbf(4, 'Relu')
    if custom_domain:
        node2 = pbf(1, 'y') + pbf(2, 'z') + pbf(4, 'MyOp') + pbf(7, custom_domain)
    tensor = pbf(1, 2) + pbf(2, 1) + pbf(8, 'w')
    if external:
        tensor += pbf(13, pbf(1, 'location') + pbf(2, external)) + pbf(13, pbf(1, 'offset') + pbf(2, '0')) + pbf(14, 1)
    else:
        tensor += pbf(9, b'\0' * 8)
    graph = pbf(1, node) + (pbf(1, node2) if custom_domain else b'') + pbf(2, 'main') + pbf(5, tensor)
    graph += pbf(11, pbf(1, 'x')) + pbf(12, pbf(1, 'z' if custom_domain else 'y'))
    model = pbf(1, 8) + pbf(2, 'pytorch') + pbf(3, '2.1.0') + pbf(7, graph) + pbf(8, pbf(1, '') + pbf(2, 17))
    return model


def saved_model(ops):
    nodes = b''.join(pbf(1, pbf(1, f'n{i}') + pbf(2, op)) for i, op in enumerate(ops))
    meta_info = pbf(4, 'serve') + pbf(5, '2.15.0')
    mg = pbf(1, meta_info) + pbf(2, nodes) + pbf(5, pbf(1, 'serving_default'))
    return pbf(1, 1) + pbf(2, mg)


def tflite(description='demo model', bad=False):
    vt = struct.pack('<HHHHHH', 12, 12, 4, 0, 0, 8)
    table = struct.pack('<iI', 12, 3)
    s = description.encode()
    out = struct.pack('<I', 999999 if bad else 20) + b'TFL3' + vt + table + struct.pack('<I', 4)
    out += struct.pack('<I', len(s)) + s + b'\0'
    return out + b'\0' * ((4 - len(out) % 4) % 4)


def keras_config(layers):
    return json.dumps({'module': 'keras', 'class_name': 'Sequential', 'config': {'name': 'seq', 'layers': layers}})


def dense(name='dense'):
    return {'module': 'keras.layers', 'class_name': 'Dense', 'config': {'name': name, 'units': 4,
            'activation': {'module': 'keras.activations', 'class_name': 'function', 'config': 'relu'}}}


H5_UNDEF = 0xffffffffffffffff


def pad8(b):
    return b + b'\0' * ((8 - len(b) % 8) % 8)


def hdf5_file(attrs, vlen=()):
    """A minimal valid HDF5 file (as h5dump reads it) (superblock version 0, the root group as a symbol table with an
    empty v1 B-tree and local heap) whose root group carries ATTRS, (name, bytes) pairs stored as
    h5py stores bytes: scalar fixed-length strings, inline in the object header; VLEN names
    (name, str) pairs stored as h5py stores str: variable-length UTF-8 strings in a global heap."""
    sb_size = 96
    # object header messages (version 1 header: 16-byte prefix, messages aligned to 8)
    msgs = []

    def msg(mtype, data):
        data = pad8(data)
        msgs.append(struct.pack('<HHB3x', mtype, len(data), 0) + data)

    def attribute(name, dtype, value):
        n = name.encode() + b'\0'
        space = struct.pack('<BBBB4x', 1, 0, 0, 0)  # dataspace v1, rank 0: scalar
        return (struct.pack('<BBHHH', 1, 0, len(n), len(dtype), len(space)) + pad8(n) + pad8(dtype)
                + pad8(space) + value)

    # layout: superblock | object header | B-tree | local heap | heap data | global heap
    # sizes first, then the addresses
    def build(btree, heap, gcol):
        msgs.clear()
        msg(0x11, struct.pack('<QQ', btree, heap))
        for name, value in attrs:
            dt = struct.pack('<B3sI', 0x13, bytes([0x01, 0, 0]), len(value))  # string, null-pad, ASCII
            msg(0x0C, attribute(name, dt, value))
        for k, (name, value) in enumerate(vlen):
            base = struct.pack('<B3sIHH', 0x10, bytes(3), 1, 0, 8)  # the base type: an unsigned byte
            dt = struct.pack('<B3sI', 0x19, bytes([0x01, 0x01, 0]), 16) + base  # VLEN string, null-term., UTF-8
            ref = struct.pack('<IQI', len(value.encode()), gcol, k + 1)  # length, collection, object index
            msg(0x0C, attribute(name, dt, ref))
        body = b''.join(msgs)
        return struct.pack('<BBHII4x', 1, 0, len(msgs), 1, len(body)) + body
    ohdr_size = len(build(0, 0, 0))
    ohdr = sb_size
    btree = ohdr + ohdr_size
    btree_size = 24 + (2 * 16 + 1) * 8 + 2 * 16 * 8
    heap = btree + btree_size
    heap_data = heap + 32
    heap_size = 88
    gcol = heap_data + heap_size
    objs = b''
    for k, (name, value) in enumerate(vlen):
        v = value.encode()
        objs += struct.pack('<HH4xQ', k + 1, 1, len(v)) + pad8(v)
    gcol_size = max(4096, 16 + len(objs) + 16)
    free = gcol_size - 16 - len(objs)
    gcol_blob = (b'GCOL' + struct.pack('<B3xQ', 1, gcol_size) + objs + struct.pack('<HH4xQ', 0, 0, free)
                 + b'\0' * (free - 16)) if vlen else b''
    eof = gcol + len(gcol_blob)
    sb = (b'\x89HDF\r\n\x1a\n' + bytes([0, 0, 0, 0, 0, 8, 8, 0]) + struct.pack('<HHI', 4, 16, 0)
          + struct.pack('<QQQQ', 0, H5_UNDEF, eof, H5_UNDEF)
          + struct.pack('<QQII', 0, ohdr, 1, 0) + struct.pack('<QQ', btree, heap))
    assert len(sb) == sb_size
    tree = (b'TREE' + struct.pack('<BBHQQ', 0, 0, 0, H5_UNDEF, H5_UNDEF)).ljust(btree_size, b'\0')
    lheap = b'HEAP' + struct.pack('<B3xQQQ', 0, heap_size, 8, heap_data)
    hdata = b'\0' * 8 + struct.pack('<QQ', 1, heap_size - 8) + b'\0' * (heap_size - 24)
    out = sb + build(btree, heap, gcol) + tree + lheap + hdata + gcol_blob
    assert len(out) == eof
    return out



def zip_bytes(members, method=zipfile.ZIP_STORED):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, 'w', method) as z:
        for name, data in members:
            z.writestr(zipfile.ZipInfo(name) if method == zipfile.ZIP_STORED else name, data)
    return buf.getvalue()


def tar_bytes(members):
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode='w', format=tarfile.USTAR_FORMAT) as t:
        for name, data in members:
            info = tarfile.TarInfo(name)
            info.size = len(data)
            info.mtime = 0
            t.addfile(info, io.BytesIO(data))
    return buf.getvalue()


# ---------------------------------------------------------------- the samples

def main(outdir):
    os.makedirs(outdir, exist_ok=True)
    manifest = []

    def add(name, data, fmt, verdict, imports=(), metadata=None, reason=None, warning=None, head_hides=False):
        with open(os.path.join(outdir, name), 'wb') as f:
            f.write(data)
        e = {'file': name, 'format': fmt, 'verdict': verdict, 'imports': None if imports is None else list(imports)}
        if metadata:
            e['metadata'] = metadata
        if reason:
            e['reason_contains'] = reason
        if warning:
            e['warning_contains'] = warning
        if head_hides:
            e['head_hides_format'] = True  # the first bytes do not tell (a prefixed archive)
        manifest.append(e)

    # ---- raw pickles: benign
    p = torch_state_dict(2)
    add('benign-proto2.pkl', p.bytes(), 'pickle', 'safe', p.imports(), {'protocol': 2, 'persistent_ids': 1})
    p = P().mark().string('a').int(1).raw(b'I42\n').raw(b'V\\u00e9t\xe9\n').op(b'd').stop()
    add('benign-proto0-no-globals.pkl', p.bytes(), 'pickle', 'safe', p.imports(), {'protocol': 0})
    p = P().glob('__builtin__', 'set', ('builtins', 'set')).mark().op(b']').mark().int(1).int(2).appends().tuple().reduce().stop()
    add('benign-proto1-py2-set.pkl', p.bytes(), 'pickle', 'safe', p.imports())
    inner = P()
    inner.sg('collections', 'OrderedDict').empty_tuple().reduce().memo()
    inner.sg('builtins', 'frozenset').empty_list().memo().mark().int(1).appends().tuple1().reduce().memo().op(b'0')
    inner.stop()
    p = P(4).frame(len(inner.b))
    base = len(p.b)
    p.raw(inner.bytes())
    add('benign-proto4-frame.pkl', p.bytes(), 'pickle', 'safe', inner.imports(base), {'protocol': 4})
    p = P(5).raw(b'\x96' + struct.pack('<Q', 3) + b'abc').op(0x98).op(b'0').sg('builtins', 'bytearray').op(b'0').none().stop()
    add('benign-proto5-bytearray8.pkl', p.bytes(), 'pickle', 'safe', p.imports(), {'protocol': 5})
    p = P(3).glob('copyreg', '_reconstructor').mark().glob('__main__', 'Foo').glob('builtins', 'object').none().tuple().reduce().stop()
    add('unknown-main-class.pkl', p.bytes(), 'pickle', 'unknown', p.imports(), reason='__main__.Foo')
    p = P().glob('copy_reg', '_reconstructor', ('copyreg', '_reconstructor')).mark().glob('sklearn.tree._classes', 'DecisionTreeClassifier')
    p.glob('__builtin__', 'object', ('builtins', 'object')).none().tuple().reduce().stop()
    add('benign-proto0-copy-reg.pkl', p.bytes(), 'pickle', 'safe', p.imports())
    p = P(2).raw(b'\x82\x07').empty_tuple().reduce().stop()
    add('unknown-ext1.pkl', p.bytes(), 'pickle', 'unknown', [imp('copyreg', '_extension_registry[7]', 2)])

    # ---- raw pickles: dangerous, one trick each
    p = P().glob('os', 'system').mark().string('echo pwned').tuple().reduce().stop()
    add('evil-proto0-os-system.pkl', p.bytes(), 'pickle', 'dangerous', p.imports(), reason='os.system')
    p = P(2).glob('posix', 'system').string('id').tuple1().reduce().stop()
    add('evil-proto2-posix.pkl', p.bytes(), 'pickle', 'dangerous', p.imports())
    p = P(4).u('builtins').memo().u('eval').memo().op(b'0').op(b'0').get(0).get(1).stack_global('builtins', 'eval')
    p.u('print(1)').tuple1().reduce().stop()
    add('evil-stack-global-memo.pkl', p.bytes(), 'pickle', 'dangerous', p.imports())
    p = P(4).u('subprocess').put(200).raw(b'r' + struct.pack('<I', 70000)).op(b'0').u('check_output').put(3).op(b'0')
    p.raw(b'j' + struct.pack('<I', 70000)).get(3).stack_global('subprocess', 'check_output')
    p.mark().u('id').op(b'l').tuple1().reduce().stop()
    add('evil-stack-global-long-binget.pkl', p.bytes(), 'pickle', 'dangerous', p.imports())
    p = P(4).u('system').op(b'2').memo().op(b'0').op(b'0').u('os').get(0).stack_global('os', 'system').u('id').tuple1().reduce().stop()
    add('evil-stack-global-dup.pkl', p.bytes(), 'pickle', 'dangerous', p.imports())
    p = P(4).glob('torch.nn.modules.module', 'os.system').u('id').tuple1().reduce().stop()
    add('evil-dotted-through-torch.pkl', p.bytes(), 'pickle', 'dangerous', p.imports())
    p = P(4).sg('torch.serialization', 'os.popen').u('id').tuple1().reduce().stop()
    add('evil-dotted-stack-global.pkl', p.bytes(), 'pickle', 'dangerous', p.imports())
    p = P(4).sg('collections', 'OrderedDict.__init__.__globals__').op(b'0').none().stop()
    add('evil-dunder-attribute.pkl', p.bytes(), 'pickle', 'dangerous', p.imports())
    p = P(2).glob('__builtin__', 'eval', ('builtins', 'eval')).string('1+1').tuple1().reduce().stop()
    add('evil-py2-builtin-eval.pkl', p.bytes(), 'pickle', 'dangerous', p.imports())
    p = P(2).glob('commands', 'getoutput', ('subprocess', 'getoutput')).string('id').tuple1().reduce().stop()
    add('evil-py2-commands.pkl', p.bytes(), 'pickle', 'dangerous', p.imports())
    p = P().mark().string('echo pwned').inst('os', 'system').stop()
    add('evil-inst.pkl', p.bytes(), 'pickle', 'dangerous', p.imports())
    p = P(1).mark().glob('subprocess', 'Popen').mark().string('id').op(b'l').op(b'o').stop()
    add('evil-obj.pkl', p.bytes(), 'pickle', 'dangerous', p.imports())
    p = P(4).raw(b'V\\u006fs\n').raw(b'Vsys\\u0074em\n').stack_global('os', 'system').u('id').tuple1().reduce().stop()
    add('evil-unicode-escapes.pkl', p.bytes(), 'pickle', 'dangerous', p.imports())
    p = P(4).raw(b"S'webbrowser'\n").raw(b'S"open"\n').stack_global('webbrowser', 'open').u('http://x').tuple1().reduce().stop()
    add('evil-quoted-strings.pkl', p.bytes(), 'pickle', 'dangerous', p.imports())
    p = P(2).glob('builtins', 'getattr').glob('builtins', 'list').string('__subclasses__').tuple2().reduce().stop()
    add('evil-getattr.pkl', p.bytes(), 'pickle', 'dangerous', p.imports())
    p = P(3).glob('numpy.testing._private.utils', 'runstring').string('import os').empty_dict().tuple2().reduce().stop()
    add('evil-numpy-runstring.pkl', p.bytes(), 'pickle', 'dangerous', p.imports())
    p = P(4).sg('runpy', '_run_code').op(b'0').sg('socket', 'create_connection').op(b'0').sg('shutil', 'rmtree').op(b'0')
    p.sg('torch', 'load').op(b'0').sg('_pickle', 'loads').op(b'0').sg('marshal', 'loads').op(b'0').none().stop()
    add('evil-many.pkl', p.bytes(), 'pickle', 'dangerous', p.imports())
    p = P(4).sg('builtins', 'object').op(b'0').sg('types', 'FunctionType').op(b'0').none().stop()
    add('evil-types-functiontype.pkl', p.bytes(), 'pickle', 'dangerous', p.imports())
    p = P(4).u('o').u('s').op(b'0').op(b'0').empty_dict().glob('builtins', 'str').stack_global('?', 'str')
    # a STACK_GLOBAL whose module is not a string we can follow (a dict here): unknown at least
    p.op(b'0').none().stop()
    imps = p.imports()
    imps[-1] = imp('?', '?', imps[-1]['offset'])
    add('unknown-unresolved-stack-global.pkl', p.bytes(), 'pickle', 'unknown', imps)

    # ---- streams
    a = torch_state_dict(2)
    b = P(2).glob('os', 'system').string('id').tuple1().reduce().stop()
    add('evil-second-pickle.pkl', a.bytes() + b.bytes(), 'pickle', 'dangerous',
        a.imports() + b.imports(len(a.b)), {'pickles': 2})
    a = P().mark().int(1).op(b'l').stop()
    b = P().glob('os', 'system').mark().string('id').tuple().reduce().stop()
    add('evil-second-pickle-proto0.pkl', a.bytes() + b.bytes(), 'pickle', 'dangerous', b.imports(len(a.b)), {'pickles': 2})
    inner = P().glob('os', 'system').mark().string('id').tuple().reduce().stop()
    p = P(4)
    p.frame(1 << 20)
    base = len(p.b)
    add('evil-frame-overrun.pkl', p.bytes() + inner.bytes(), 'pickle', 'dangerous', inner.imports(base))
    p = P(4)
    p.frame(1 << 20)
    base = len(p.b)
    inner = P().sg('collections', 'OrderedDict').empty_tuple().reduce().stop()
    add('malformed-frame-overrun.pkl', p.bytes() + inner.bytes(), 'pickle', 'malformed', inner.imports(base), reason='FRAME')
    p = torch_state_dict(2)
    cut = p.bytes()[:60]
    add('malformed-truncated.pkl', cut, 'pickle', 'malformed', [i for i in p.imports() if i['offset'] < 40], reason='truncated')
    add('malformed-bad-opcode.pkl', b'\x80\x02\xff\xfe.', 'pickle', 'malformed', reason='opcode')
    add('malformed-underflow.pkl', b'\x80\x02R.', 'pickle', 'malformed', reason='underflow')
    add('malformed-proto9.pkl', b'\x80\x09N.', 'pickle', 'malformed', reason='protocol')
    p = P(2).glob('os', 'system').string('id').tuple1().reduce()  # no STOP: runs, then fails
    add('evil-truncated.pkl', p.bytes(), 'pickle', 'dangerous', p.imports())

    # ---- pickle with an archive appended: the unpickler runs the pickle, zip tools see the zip
    evil = P(2).glob('os', 'system').string('id').tuple1().reduce().stop()
    benign = torch_state_dict(2)
    z = torch_zip(benign.bytes())
    add('evil-pickle-appended-zip.pt', evil.bytes() + z, 'pickle', 'dangerous',
        evil.imports() + benign.imports(0, '(appended zip)!archive/data.pkl'), warning='appended')

    # ---- PyTorch zip
    p = torch_state_dict(2)
    add('benign-torch.pt', torch_zip(p.bytes()), 'pytorch-zip', 'safe', p.imports(0, 'archive/data.pkl'),
        {'storages': 1, 'version': '3'})
    p = torch_state_dict(2, 'BFloat16Storage')
    add('benign-torch-otherroot.bin', torch_zip(p.bytes(), root='my_model'), 'pytorch-zip', 'safe',
        p.imports(0, 'my_model/data.pkl'))
    e = P(2).glob('torch._utils', '_rebuild_tensor_v2').op(b'0').glob('os', 'system').string('id').tuple1().reduce().stop()
    add('evil-torch.pt', torch_zip(e.bytes()), 'pytorch-zip', 'dangerous', e.imports(0, 'archive/data.pkl'))
    p = torch_state_dict(2)
    e = P(4).sg('subprocess', 'run').u('id').tuple1().reduce().stop()
    add('evil-torch-extra-member.pth', torch_zip(p.bytes(), extra=[('archive/extra/evil.pkl', e.bytes())]),
        'pytorch-zip', 'dangerous', p.imports(0, 'archive/data.pkl') + e.imports(0, 'archive/extra/evil.pkl'))
    p = torch_state_dict(2)
    b2 = P(2).glob('collections', 'OrderedDict').empty_tuple().reduce().stop()
    add('warn-zip-slip.pt', torch_zip(p.bytes(), extra=[('../../evil.pkl', b2.bytes())]), 'pytorch-zip', 'safe',
        p.imports(0, 'archive/data.pkl') + b2.imports(0, '../../evil.pkl'), warning='escapes')
    p = P(2).glob('__torch__', 'Model').empty_tuple().newobj().stop()
    c = P(2).glob('torch._utils', '_rebuild_tensor_v2').op(b'0').empty_tuple().stop()
    add('benign-torchscript.pt', torch_zip(p.bytes(), code=True, constants=c.bytes()), 'torchscript', 'safe',
        p.imports(0, 'archive/data.pkl') + c.imports(0, 'archive/constants.pkl'))
    e = P(2).glob('os', 'system').string('id').tuple1().reduce().stop()
    inner = torch_zip(e.bytes())
    outer = zip_bytes([('README.txt', b'hello'), ('models/inner.pt', inner)])
    add('evil-nested-zip.zip', outer, 'zip', 'dangerous', e.imports(0, 'models/inner.pt!archive/data.pkl'))
    add('evil-prefixed-zip.bin', b'MZ' + b'\0' * 126 + torch_zip(e.bytes()), 'pytorch-zip', 'dangerous',
        e.imports(0, 'archive/data.pkl'), warning='precede', head_hides=True)
    good = torch_zip(p.bytes())
    add('malformed-truncated-zip.pt', good[:len(good) // 2], 'zip', 'malformed', reason='zip')
    bomb = zip_bytes([('archive/data.pkl', b'\x80\x02N.' + b'\0' * (16 << 20))], zipfile.ZIP_DEFLATED)
    add('malformed-zip-bomb.pt', bomb, 'pytorch-zip', 'malformed', reason='bomb')

    # ---- legacy torch.save: five pickles then raw storage bytes
    def legacy(main):
        magic = bytes.fromhex('80028a0a6cfc9c46f9206aa850192e')
        version = P(2).raw(b'M\xe9\x03').stop()
        sysinfo = P(2).empty_dict().put(0).mark().u('protocol_version').int(1001).u('little_endian').true().setitems().stop()
        keys = P(2).empty_list().put(0).u('0').op(b'a').stop()
        head = magic + version.bytes() + sysinfo.bytes()
        return head + main.bytes() + keys.bytes() + struct.pack('<q', 6) + b"cos\nsystem\n" + b'\0' * 13, len(head)
    p = torch_state_dict(2)
    data, base = legacy(p)
    add('benign-torch-legacy.pt', data, 'pytorch-legacy', 'safe', p.imports(base), {'pickles': 5})
    e = P(2).glob('os', 'system').string('id').tuple1().reduce().stop()
    data, base = legacy(e)
    add('evil-torch-legacy.pth', data, 'pytorch-legacy', 'dangerous', e.imports(base))
    add('malformed-torch-legacy.pt', data[:base + 3], 'pytorch-legacy', 'malformed', reason='truncated')
    # ---- legacy torch.save tar layout: sys_info, pickle, storages, tensors (torch.serialization's
    # legacy_load unpickles every record of storages and tensors, between raw data bytes)
    def legacy_storages(views=None, storage_cls='FloatStorage', count=None, numel=6):
        """count pickle, per storage (key, location, class) + int64 numel + data, then the views pickle."""
        out, imps = bytearray(), []
        recs = [('0', storage_cls), ('1', 'FloatStorage')]
        for q in [P(2).int(len(recs) if count is None else count).stop()]:
            out += q.bytes()
        for key, cls in recs:
            q = P(2).u(key).u('cpu').glob('torch', cls).tuple3().stop()
            imps += q.imports(len(out), 'storages')
            out += q.bytes() + struct.pack('<q', numel) + b'\x80\x02cos\nsystem\n' + b'\0' * max(0, min(numel, 6) * 4 - 13)
        q = views or P(2).empty_list().stop()
        imps += q.imports(len(out), 'storages')
        out += q.bytes()
        return bytes(out), imps

    def legacy_tensors(second=None):
        out, imps = bytearray(P(2).int(2).stop().bytes()), []
        for q in [P(2).u('t0').u('0').glob('torch', 'FloatTensor').tuple3().stop(), second or
                  P(2).u('t1').u('1').glob('torch', 'FloatTensor').tuple3().stop()]:
            imps += q.imports(len(out), 'tensors')
            out += q.bytes() + struct.pack('<ii', 2, 0) + struct.pack('<qqqqq', 2, 3, 3, 1, 0)
        return bytes(out), imps

    p = torch_state_dict(2)
    sysinfo = P(2).empty_dict().stop()
    stor, simps = legacy_storages()
    tens, timps = legacy_tensors()
    tar = tar_bytes([('sys_info', sysinfo.bytes()), ('pickle', p.bytes()), ('storages', stor), ('tensors', tens)])
    add('benign-torch-legacy-tar.pt', tar, 'pytorch-legacy', 'safe', p.imports(0, 'pickle') + simps + timps,
        {'layout': 'tar'})
    e = P(2).glob('os', 'system').string('id').tuple1().reduce().stop()
    tar = tar_bytes([('sys_info', sysinfo.bytes()), ('pickle', e.bytes()), ('storages', stor)])
    add('evil-torch-legacy-tar.pt', tar, 'pytorch-legacy', 'dangerous', e.imports(0, 'pickle') + simps)
    # the dangerous globals sit in later pickles: the storage views after the raw storage bytes,
    # and the second tensor record after the first one's raw sizes and strides
    views = P(2).glob('os', 'system').string('id').tuple1().reduce().stop()
    stor2, simps2 = legacy_storages(views=views)
    second = P(2).u('t1').u('1').glob('subprocess', 'getoutput').string('id').tuple1().reduce().tuple3().stop()
    tens2, timps2 = legacy_tensors(second=second)
    tar = tar_bytes([('sys_info', sysinfo.bytes()), ('pickle', p.bytes()), ('storages', stor2), ('tensors', tens2)])
    add('evil-torch-legacy-tar-later-pickles.pt', tar, 'pytorch-legacy', 'dangerous',
        p.imports(0, 'pickle') + simps2 + timps2, reason='os.system')
    stor3, simps3 = legacy_storages(numel=1 << 40)
    tar = tar_bytes([('sys_info', sysinfo.bytes()), ('pickle', p.bytes()), ('storages', stor3)])
    add('malformed-torch-legacy-tar-storage.pt', tar, 'pytorch-legacy', 'malformed', p.imports(0, 'pickle') + simps3[:1],
        reason='declares')
    stor4, simps4 = legacy_storages(storage_cls='WeirdStorage', numel=1)
    tar = tar_bytes([('sys_info', sysinfo.bytes()), ('pickle', p.bytes()), ('storages', stor4)])
    add('unknown-torch-legacy-tar-storage-class.pt', tar, 'pytorch-legacy', 'unknown',
        p.imports(0, 'pickle') + simps4[:1], reason='element size')

    # ---- numpy
    head, _ = npy('<f4', (2, 3), b'')
    add('benign-float.npy', head + b'\0' * 24, 'numpy', 'safe', metadata={'dtype': '<f4', 'elements': 6})
    head, _ = npy('<f8', (1000,), b'', version=2)
    add('malformed-npy-short-data.npy', head + b'\0' * 80, 'numpy', 'malformed', reason='truncated')
    add('malformed-npy-header.npy', b'\x93NUMPY\x01\x00\xff\x7f{', 'numpy', 'malformed', reason='header')
    head, _ = npy('|O', (1,), b'')
    e = P(3).glob('os', 'system').string('id').tuple1().reduce().stop()
    add('evil-object.npy', head + e.bytes(), 'numpy', 'dangerous', e.imports(len(head)), {'object_array': True})
    nd = ndarray_pickle(3)
    add('benign-object.npy', head + nd.bytes(), 'numpy', 'safe', nd.imports(len(head)))
    h1, _ = npy('<i8', (2,), b'')
    npz = zip_bytes([('x.npy', h1 + b'\0' * 16), ('y.npy', head + nd.bytes())])
    add('benign.npz', npz, 'numpy-npz', 'safe', nd.imports(len(head), 'y.npy'))
    npz = zip_bytes([('x.npy', h1 + b'\0' * 16), ('obj.npy', head + e.bytes())], zipfile.ZIP_DEFLATED)
    add('evil.npz', npz, 'numpy-npz', 'dangerous', e.imports(len(head), 'obj.npy'))

    # ---- joblib: raw array bytes between opcodes (and they contain pickle-looking bytes)
    data, imps = joblib_file()
    add('benign-joblib.joblib', data, 'joblib', 'safe', imps)
    data, imps = joblib_file(evil_after=True)
    add('evil-joblib-after-array.joblib', data, 'joblib', 'dangerous', imps)
    obj = P(2).glob('os', 'system').string('id').tuple1().reduce().stop()
    data, imps = joblib_file(object_array=obj)
    add('evil-joblib-object-array.joblib', data, 'joblib', 'dangerous', imps)
    data, imps = joblib_file()
    add('benign-joblib-zlib.joblib', zlib.compress(data), 'joblib', 'safe', imps, {'compression': 'zlib'})
    add('benign-joblib-gzip.pkl.gz', gzip.compress(data, mtime=0), 'joblib', 'safe', imps, {'compression': 'gzip'})
    data, imps = joblib_file(evil_after=True)
    add('evil-joblib-bz2.joblib', bz2.compress(data), 'joblib', 'dangerous', imps, {'compression': 'bz2'})
    add('evil-joblib-xz.joblib', lzma.compress(data), 'joblib', 'dangerous', imps, {'compression': 'xz'})
    add('evil-joblib-lzma.joblib', lzma.compress(data, format=lzma.FORMAT_ALONE), 'joblib', 'dangerous', imps,
        {'compression': 'lzma'})
    zf = b'ZF' + hex(len(data)).encode().ljust(19) + zlib.compress(data)
    add('evil-joblib-zf.pkl', zf, 'joblib', 'dangerous', imps)
    e = P(2).glob('os', 'system').string('id').tuple1().reduce().stop()
    add('evil-gzip.pkl.gz', gzip.compress(e.bytes(), mtime=0), 'pickle', 'dangerous', e.imports(), {'compression': 'gzip'})
    add('malformed-gzip-truncated.pkl.gz', gzip.compress(torch_state_dict(2).bytes() * 50, mtime=0)[:200], 'pickle',
        'malformed', None, reason='truncated')
    add('malformed-gzip-bomb.gz', gzip.compress(b'\0' * (32 << 20), mtime=0), 'unknown', 'malformed', reason='bomb')
    add('malformed-xz-corrupt.joblib', lzma.compress(data)[:40] + b'\xff' * 40, 'pickle', 'malformed', None, reason='xz')

    # ---- safetensors
    st = safetensors([('a', 'F32', [2, 3]), ('b', 'F16', [4])], {'format': 'pt'})
    add('benign.safetensors', st, 'safetensors', 'safe',
        metadata={'tensor_count': 2, 'parameter_count': 10, 'dtypes': {'F32': 1, 'F16': 1}, 'metadata': {'format': 'pt'}})
    add('malformed-safetensors-header.safetensors', struct.pack('<Q', 1 << 20) + b'{"a":', 'safetensors', 'malformed',
        reason='header')
    add('malformed-safetensors-offsets.safetensors', safetensors([('a', 'F32', [100])], data_cut=40), 'safetensors',
        'malformed', reason='outside')
    add('malformed-safetensors-json.safetensors', safetensors([], header_override=b'{"a": [1, 2'), 'safetensors',
        'malformed', reason='JSON')

    # ---- GGUF
    kv = [('general.architecture', 8, 'llama'), ('general.name', 8, 'tiny'), ('general.file_type', 4, 15),
          ('llama.context_length', 4, 4096), ('tokenizer.ggml.tokens', 9, ['a', 'b', 'c']),
          ('tokenizer.chat_template', 8, "{% for m in messages %}{{ m['role'] }}: {{ m['content'] }}\n{% endfor %}")]
    tensors = [('tok_embd.weight', [4, 8], 12), ('output.weight', [8, 2], 0)]
    add('benign-v3.gguf', gguf(3, kv, tensors), 'gguf', 'safe',
        metadata={'architecture': 'llama', 'name': 'tiny', 'quantization': 'Q4_K_M', 'context_length': 4096,
                  'parameter_count': 48, 'tensor_count': 2, 'chat_template': True, 'vocab_size': 3, 'version': 3})
    add('benign-v2.gguf', gguf(2, kv[:4], tensors), 'gguf', 'safe', metadata={'version': 2, 'chat_template': False})
    add('benign-v1.gguf', gguf(1, kv[:4], tensors), 'gguf', 'safe', metadata={'version': 1, 'parameter_count': 48})
    evil_t = "{{ ''.__class__.__mro__[1].__subclasses__() }}{% for m in messages %}{{ m.content }}{% endfor %}"
    add('evil-chat-template.gguf', gguf(3, kv[:5] + [('tokenizer.chat_template', 8, evil_t)], tensors), 'gguf',
        'dangerous', reason='chat template')
    evil_t2 = "{{ cycler.__init__.__globals__.os.popen('id').read() }}"
    add('evil-chat-template-named.gguf', gguf(3, kv[:5] + [('tokenizer.chat_template.tool_use', 8, evil_t2)], tensors),
        'gguf', 'dangerous')
    add('malformed-gguf-truncated.gguf', gguf(3, kv, tensors)[:150], 'gguf', 'malformed', reason='truncated')
    add('malformed-gguf-counts.gguf', gguf(3, kv, tensors, count_override=(1 << 60, 1 << 60)), 'gguf', 'malformed',
        reason='declares')
    add('malformed-gguf-version.gguf', b'GGUF' + struct.pack('<I', 7) + b'\0' * 16, 'gguf', 'malformed', reason='version')

    # ---- ONNX
    add('benign.onnx', onnx_model(), 'onnx', 'safe',
        metadata={'ir_version': 8, 'producer': 'pytorch', 'opset': 17, 'inputs': ['x'], 'outputs': ['y'],
                  'op_types': ['Relu']})
    add('benign-external-data.onnx', onnx_model(external='weights.bin'), 'onnx', 'safe',
        metadata={'external_data': ['weights.bin']})
    add('evil-external-data.onnx', onnx_model(external='../../../../etc/passwd'), 'onnx', 'dangerous', reason='escapes')
    add('evil-external-absolute.onnx', onnx_model(external='/etc/shadow'), 'onnx', 'dangerous', reason='escapes')
    add('benign-custom-domain.onnx', onnx_model(custom_domain='com.example'), 'onnx', 'safe',
        metadata={'custom_domains': ['com.example']}, warning='custom operator')
    add('malformed-truncated.onnx', onnx_model()[:25], 'onnx', 'malformed', reason='corrupt')

    # ---- Keras v3
    def keras(config):
        return zip_bytes([('metadata.json', json.dumps({'keras_version': '3.3.3'})), ('config.json', config),
                          ('model.weights.h5', hdf5_file([]))])
    add('benign.keras', keras(keras_config([dense('d1'), dense('d2')])), 'keras', 'safe',
        metadata={'model_class': 'Sequential', 'layer_count': 2, 'layer_classes': ['Dense']})
    lam = {'module': 'keras.layers', 'class_name': 'Lambda', 'config': {'name': 'lam', 'function': {
        'class_name': '__lambda__', 'config': {'code': '4wEAAAAAAAAA', 'defaults': None, 'closure': None}}}}
    add('evil-lambda.keras', keras(keras_config([dense(), lam])), 'keras', 'dangerous',
        [imp('keras.layers', 'Lambda', 0, 'config.json'), imp('keras.layers', '__lambda__', 0, 'config.json')],
        reason='Lambda')
    fn = dict(dense())
    fn['config'] = dict(fn['config'], activation={'module': 'os', 'class_name': 'function', 'config': 'system'})
    add('evil-function-module.keras', keras(keras_config([fn])), 'keras', 'dangerous',
        [imp('os', 'system', 0, 'config.json')])
    custom = {'module': 'my_package.layers', 'class_name': 'FancyLayer', 'config': {'name': 'f'}}
    add('unknown-custom-module.keras', keras(keras_config([custom])), 'keras', 'unknown',
        [imp('my_package.layers', 'FancyLayer', 0, 'config.json')])
    add('malformed-config.keras', keras('{"class_name": "Sequential", '), 'keras', 'malformed', reason='JSON')

    # ---- HDF5 (Keras 2 .h5: model_config JSON attribute)
    cfg2 = json.dumps({'class_name': 'Sequential', 'config': {'name': 's', 'layers': [
        {'class_name': 'Dense', 'config': {'name': 'd', 'units': 3}}]}})
    # Keras 2 (tf.keras) stores json.dumps(...).encode(): a fixed-length string attribute; a str
    # attribute (Keras 3's legacy writer) is a variable-length string in a global heap
    h5meta = {'keras': True, 'layer_count': 1, 'superblock_version': 0}
    add('benign-keras2.h5', hdf5_file([('keras_version', b'2.15.0'), ('backend', b'tensorflow'),
                                       ('model_config', cfg2.encode())]), 'hdf5', 'safe', metadata=h5meta)
    add('benign-keras2-vlen.h5', hdf5_file([('keras_version', b'3.3.3')], vlen=[('model_config', cfg2)]), 'hdf5', 'safe',
        metadata=h5meta)
    cfg3 = json.dumps({'class_name': 'Sequential', 'config': {'name': 's', 'layers': [
        {'class_name': 'Lambda', 'config': {'name': 'l', 'function': ['4wEAAAAA', None, None], 'function_type': 'lambda'}}]}})
    add('evil-keras2-lambda.h5', hdf5_file([('model_config', cfg3.encode())]), 'hdf5', 'dangerous',
        [imp('keras.layers', 'Lambda', 0)], reason='Lambda')
    add('evil-keras2-lambda-vlen.h5', hdf5_file([('backend', b'tensorflow')], vlen=[('model_config', cfg3)]), 'hdf5',
        'dangerous', [imp('keras.layers', 'Lambda', 0)], reason='Lambda')
    add('benign-plain.h5', hdf5_file([('note', b'weights only')]), 'hdf5', 'safe',
        metadata={'keras': False, 'superblock_version': 0})
    good = hdf5_file([('model_config', cfg3.encode())])
    add('malformed-keras2-cut.h5', good[:good.index(b'Lambda') + 3], 'hdf5', 'malformed', [], reason='truncated')

    # ---- TensorFlow SavedModel and TFLite
    add('saved_model.pb', saved_model(['Placeholder', 'Const', 'MatMul']), 'tf-savedmodel', 'safe',
        metadata={'tags': ['serve'], 'tensorflow_version': '2.15.0', 'signatures': ['serving_default']})
    sm = saved_model(['Placeholder', 'ReadFile', 'WriteFile'])
    add('evil-readfile-saved_model.pb', sm, 'tf-savedmodel', 'dangerous',
        [imp('tensorflow.raw_ops', 'ReadFile', sm.index(b'n1') - 2), imp('tensorflow.raw_ops', 'WriteFile', sm.index(b'n2') - 2)])
    add('benign.tflite', tflite(), 'tflite', 'safe', metadata={'schema_version': 3, 'description': 'demo model'})
    add('malformed.tflite', tflite(bad=True), 'tflite', 'malformed', reason='offset')

    # ---- nesting deeper than the cap hides nothing silently: the verdict says so
    e = P(2).glob('os', 'system').string('id').tuple1().reduce().stop()
    deep = torch_zip(e.bytes())
    for level in range(6):
        deep = zip_bytes([(f'level{level}.zip', deep)])
    add('unknown-deep-nesting.zip', deep, 'zip', 'unknown', None, reason='nested deeper')

    # ---- not models
    add('not-a-model.txt', b'hello world, this is not a model\n', 'unknown', 'unknown')
    add('empty.bin', b'', 'unknown', 'unknown')

    with open(os.path.join(outdir, 'manifest.json'), 'w') as f:
        json.dump(manifest, f, indent=1)
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else 'artifacts'))
