"""The declared minimum Rust version (`rust-version` in Cargo.toml) must be at
least the highest `rust-version` of every locked dependency, or `cargo install`
fails on the toolchain the README promises. No other toolchain can be installed
offline, so the check reads the metadata of the locked dependency graph."""
import json
import subprocess
import sys


def version(text):
    parts = [int(p) for p in text.split(".")]
    return tuple(parts + [0] * (3 - len(parts)))


meta = json.loads(
    subprocess.run(
        ["cargo", "metadata", "--locked", "--format-version", "1"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
)
ours = next(p for p in meta["packages"] if p["name"] == "kompetanseplan")
declared = version(ours["rust_version"])
used = {node["id"] for node in meta["resolve"]["nodes"]}
needed = max(
    (version(p["rust_version"]), p["name"])
    for p in meta["packages"]
    if p.get("rust_version") and p["id"] in used and p["name"] != "kompetanseplan"
)
print(f"rust-version {ours['rust_version']}; the most demanding dependency, {needed[1]}, needs {'.'.join(map(str, needed[0]))}")
if needed[0] > declared:
    sys.exit(f"rust-version {ours['rust_version']} in Cargo.toml is too low: {needed[1]} needs {'.'.join(map(str, needed[0]))}")
