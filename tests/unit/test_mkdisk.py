# SPDX-License-Identifier: MIT
"""scripts/mkdisk: the disk image from a system DTB. Each vbd's content
folder is a ustar archive at its extent's first byte that reads back as
exactly the folder's files, the rest of the disk is zero, the image is
sized from the last extent, the same tree gives the same bytes whatever
the files' times and owners, and a content that does not fit its extent
(or is no folder of the source tree) is refused by name with the previous
image left as it was."""
import io
import os
import subprocess
import tarfile

import pytest

SRCTREE = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
MKDISK = os.path.join(SRCTREE, "scripts", "mkdisk")
MIB = 1 << 20

FILES = {"index.html": b"<h1>hello</h1>\n", "b/deep/x.txt": b"x" * 1000,
         "a.bin": bytes(range(256)) * 3}


def vbd(name, start, sectors, content=None):
    props = ['compatible = "tessera,vbd"',
             "start-sector = <0x0 %#x>" % start,
             "sectors = <0x0 %#x>" % sectors]
    if content is not None:
        props.append('content = "%s"' % content)
    return "\t\t%s {\n%s\t\t};\n" % (name, "".join("\t\t\t%s;\n" % p for p in props))


def dtb(tmp_path, *channels):
    dts = tmp_path / "system.dts"
    dts.write_text("/dts-v1/;\n/ {\n\tchannels {\n%s\t};\n};\n" % "".join(channels))
    out = tmp_path / "system.dtb"
    subprocess.run(["dtc", "-q", "-I", "dts", "-O", "dtb", "-o", str(out), str(dts)],
                   check=True)
    return out


def site(tmp_path, files=FILES):
    """A source tree with a content folder `site`."""
    for name, data in files.items():
        path = tmp_path / "src" / "site" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return tmp_path / "src"


def mkdisk(tmp_path, dtb_path, srctree, out=None):
    out = out or tmp_path / "disk.img"
    res = subprocess.run([MKDISK, "--dtb", str(dtb_path), "--dts", "sys.dts",
                          "--srctree", str(srctree), "--out", str(out),
                          "--deps", str(out) + ".d"],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    return res.returncode, res.stderr, out


def members(image, offset):
    with open(image, "rb") as f:
        f.seek(offset)
        data = f.read(1 << 20)
    with tarfile.open(fileobj=io.BytesIO(data), mode="r:") as tar:
        return {m.name: (m, tar.extractfile(m).read()) for m in tar.getmembers()}


def test_content_at_its_extent(tmp_path):
    src = site(tmp_path)
    status, err, img = mkdisk(tmp_path, dtb(tmp_path, vbd("web", 2048, 4096, "site"),
                                            vbd("scratch", 8192, 1024)), src)
    assert (status, err) == (0, "")
    got = members(img, 2048 * 512)
    assert {k: v[1] for k, v in got.items()} == FILES
    assert list(got) == sorted(FILES)
    for m, _ in got.values():
        assert m.isreg() and (m.mtime, m.uid, m.gid, m.mode) == (0, 0, 0, 0o644)
    data = img.read_bytes()
    assert len(data) == 16 * MIB
    assert not any(data[:2048 * 512])
    end = data.rindex(b"x" * 1000) + 1000
    assert not any(data[max(end, 2048 * 512 + 10 * 1024):])


def test_ustar_format(tmp_path):
    src = site(tmp_path)
    _, _, img = mkdisk(tmp_path, dtb(tmp_path, vbd("web", 0, 100, "site")), src)
    header = img.read_bytes()[:512]
    assert header[257:263] == b"ustar\0" and header[263:265] == b"00"


def test_reproducible(tmp_path):
    src = site(tmp_path)
    tree = dtb(tmp_path, vbd("web", 64, 4096, "site"))
    _, _, first = mkdisk(tmp_path, tree, src, tmp_path / "one.img")
    for name in FILES:
        os.utime(src / "site" / name, (12345, 67890))
    _, _, second = mkdisk(tmp_path, tree, src, tmp_path / "two.img")
    assert first.read_bytes() == second.read_bytes()


@pytest.mark.parametrize("end_sector, size", [
    (1, 16 * MIB), (32 * 2048, 32 * MIB), (32 * 2048 + 1, 33 * MIB)])
def test_size(tmp_path, end_sector, size):
    _, _, img = mkdisk(tmp_path, dtb(tmp_path, vbd("a", 0, 1),
                                     vbd("b", end_sector - 1, 1)), tmp_path)
    assert os.path.getsize(img) == size


def test_too_large_refused_and_old_image_kept(tmp_path):
    src = site(tmp_path)
    img = tmp_path / "disk.img"
    img.write_bytes(b"old")
    status, err, _ = mkdisk(tmp_path, dtb(tmp_path, vbd("web", 0, 8, "site")), src)
    assert status == 1
    assert err == ("sys.dts: /channels/web: content 'site' is a 10240-byte "
                   "archive, larger than its extent of 8 sectors (4096 bytes)\n")
    assert img.read_bytes() == b"old"
    assert sorted(os.listdir(tmp_path)) == ["disk.img", "src", "system.dtb",
                                           "system.dts"]


@pytest.mark.parametrize("content, what", [
    ("nothing", "content 'nothing': no such folder"),
    ("../outside", "content '../outside' is not a folder of the source tree"),
    ("/etc", "content '/etc' is not a folder of the source tree")])
def test_bad_folder(tmp_path, content, what):
    src = site(tmp_path)
    (tmp_path / "outside").mkdir()
    status, err, img = mkdisk(tmp_path, dtb(tmp_path, vbd("web", 0, 64, content)), src)
    assert (status, err) == (1, "sys.dts: /channels/web: %s\n" % what)
    assert not img.exists()


def test_deps_name_every_file(tmp_path):
    src = site(tmp_path)
    _, _, img = mkdisk(tmp_path, dtb(tmp_path, vbd("web", 0, 4096, "site")), src)
    rule = open(str(img) + ".d").read().splitlines()[0]
    target, _, inputs = rule.partition(": ")
    assert target == str(img)
    assert sorted(inputs.split()) == sorted(
        [str(src / "site" / n) for n in FILES] + [str(src / "site")])
