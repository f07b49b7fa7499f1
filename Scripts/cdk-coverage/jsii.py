"""Reading jsii assemblies (the `.jsii` files inside the aws-cdk-lib and alpha Python packages): loading, the
type hierarchy, and rendering types and names. Standard library only; shared by surface.py and
assertions_surface.py.
"""
import glob, gzip, json, os, re, tarfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
DEFAULT_VENV = os.path.join(ROOT, ".venv-cdk")


def read_assembly(tgz):
    """The assembly in a jsii tarball: package/.jsii, following a file redirect (package/.jsii.gz)."""
    with tarfile.open(tgz, "r:gz") as tar:
        def member(name):
            return tar.extractfile(tar.getmember(name)).read()
        data = json.loads(member("package/.jsii"))
        if data.get("schema") == "jsii/file-redirect":
            raw = member("package/" + data["filename"])
            if data.get("compression") == "gzip":
                raw = gzip.decompress(raw)
            data = json.loads(raw)
    return data


def find_tarballs(venv, names):
    """The jsii tarballs of the packages `names` (assembly names such as aws-cdk-lib) in the venv."""
    found = {}
    pattern = os.path.join(venv, "lib", "python*", "site-packages", "aws_cdk", "**", "_jsii", "*.jsii.tgz")
    for path in sorted(glob.glob(pattern, recursive=True)):
        base = os.path.basename(path)[: -len(".jsii.tgz")]
        name = base.rsplit("@", 1)[0]
        for wanted in names:
            if name == wanted or name == wanted.split("/")[-1]:
                found[wanted] = path
    missing = [n for n in names if n not in found]
    if missing:
        raise SystemExit(f"jsii assemblies not found in {venv}: {', '.join(missing)} "
                         f"(pip install aws-cdk-lib==2.275.0 constructs aws-cdk.aws-pipes-alpha==2.275.0a0 ...)")
    return found


class TypeSystem:
    """The types of several assemblies, merged, with the hierarchy queries the scripts need."""

    def __init__(self, assemblies):
        self.assemblies = assemblies
        self.types = {}
        self.python_modules = {}  # python module -> jsii namespace prefix (assembly or submodule fqn)
        for asm in assemblies:
            self.types.update(asm.get("types", {}))
            py = asm.get("targets", {}).get("python", {}).get("module")
            if py:
                self.python_modules[py] = asm["name"]
            for fqn, sub in asm.get("submodules", {}).items():
                py = sub.get("targets", {}).get("python", {}).get("module")
                if py:
                    self.python_modules[py] = fqn

    def get(self, fqn):
        return self.types.get(fqn)

    def is_struct(self, fqn):
        t = self.types.get(fqn)
        return bool(t and t.get("kind") == "interface" and t.get("datatype"))

    def class_chain(self, fqn):
        """fqn and its base classes, most derived first (bases outside the loaded assemblies end the chain)."""
        chain = []
        while fqn:
            chain.append(fqn)
            t = self.types.get(fqn)
            fqn = t.get("base") if t else None
        return chain

    def interfaces(self, fqn):
        """Every interface fqn implements or extends, through bases and super-interfaces (sorted)."""
        seen, todo = set(), []
        for c in self.class_chain(fqn):
            t = self.types.get(c)
            if t:
                todo += t.get("interfaces", [])
        while todo:
            i = todo.pop()
            if i in seen:
                continue
            seen.add(i)
            t = self.types.get(i)
            if t:
                todo += t.get("interfaces", [])
        return sorted(seen)

    def lookup_order(self, fqn):
        """Types to search for a member of fqn: its class chain (or itself), then its interfaces."""
        t = self.types.get(fqn)
        if not t:
            return []
        if t["kind"] == "class":
            return self.class_chain(fqn) + self.interfaces(fqn)
        return [fqn] + self.interfaces(fqn)

    def struct_properties(self, fqn):
        """All properties of a struct, its own and inherited, by name (the most derived declaration wins)."""
        props = {}
        for i in [fqn] + self.interfaces(fqn):
            t = self.types.get(i)
            for p in (t or {}).get("properties", []):
                props.setdefault(p["name"], (i, p))
        return props

    def find_member(self, fqn, norm_name, kind):
        """(declaring fqn, member) for a property or method (kind: 'properties' / 'methods') by normalized name."""
        for c in self.lookup_order(fqn):
            t = self.types.get(c)
            for m in (t or {}).get(kind, []):
                if norm(m["name"]) == norm_name:
                    return c, m
        return None, None


def norm(name):
    """A name in a form common to TypeScript camelCase and Python snake_case (`enforceSSL` ~ `enforce_ssl`)."""
    return name.rstrip("_").replace("_", "").lower()


def snake(name):
    """jsii's Python name for a camelCase member: `grantPutEventsTo` -> `grant_put_events_to`."""
    s = re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", name)
    s = re.sub(r"([A-Z]+)([A-Z][a-z])", r"\1_\2", s)
    s = s.lower()
    return s + "_" if s in ("lambda", "from", "import", "global", "class", "not", "or", "and", "is", "in") else s


def short(fqn):
    """`aws-cdk-lib.aws_sqs.Queue` -> `sqs.Queue`; `aws-cdk-lib.Duration` -> `Duration`;
    `@aws-cdk/aws-pipes-alpha.Pipe` -> `pipes.Pipe`."""
    if fqn.startswith("aws-cdk-lib."):
        rest = fqn[len("aws-cdk-lib."):]
        rest = re.sub(r"^interfaces\.", "", rest)
        return re.sub(r"^aws_", "", rest)
    m = re.match(r"@aws-cdk/aws-([a-z0-9-]+)-alpha\.(.*)", fqn)
    if m:
        return m.group(1).replace("-", "_") + "." + m.group(2)
    return fqn


def render_type(ref):
    if ref is None:
        return "void"
    if "primitive" in ref:
        return ref["primitive"]
    if "fqn" in ref:
        return short(ref["fqn"])
    if "collection" in ref:
        c = ref["collection"]
        inner = render_type(c["elementtype"])
        return f"List<{inner}>" if c["kind"] == "array" else f"Map<string, {inner}>"
    if "union" in ref:
        return " | ".join(render_type(t) for t in ref["union"]["types"])
    if "intersection" in ref:
        return " & ".join(render_type(t) for t in ref["intersection"]["types"])
    return "?"


def type_fqns(ref):
    """Every fqn a type reference mentions (through collections, unions, intersections)."""
    if ref is None:
        return []
    if "fqn" in ref:
        return [ref["fqn"]]
    if "collection" in ref:
        return type_fqns(ref["collection"]["elementtype"])
    for key in ("union", "intersection"):
        if key in ref:
            return [f for t in ref[key]["types"] for f in type_fqns(t)]
    return []


def signature(method):
    params = []
    for p in method.get("parameters", []):
        s = f"{p['name']}{'?' if p.get('optional') else ''}: {render_type(p['type'])}"
        params.append(("..." if p.get("variadic") else "") + s)
    ret = method.get("returns")
    out = f"{method['name']}({', '.join(params)})"
    if ret:
        out += f" -> {render_type(ret['type'])}{'?' if ret.get('optional') else ''}"
    return ("static " if method.get("static") else "") + out


def one_line(text):
    return " ".join((text or "").split())
