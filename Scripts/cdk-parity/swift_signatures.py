"""The labels of the Swift initializers the harness calls, read from Sources/FormworkAWS (not copied by hand):
for every top-level type, each `public init(_ id: String, ...)` a construct is made with, its labels in order.

cases.py orders a case's Swift arguments by them (Swift requires declaration order) and refuses a label the
initializer does not have, before anything is compiled.
"""
import functools
import pathlib
import re

SOURCES = pathlib.Path(__file__).resolve().parent.parent.parent / "Sources" / "FormworkAWS"
TYPE = re.compile(r"^(?:public (?:struct|enum|final class|class) |extension )(\w+)", re.M)
INIT = re.compile(r"^    public init\(", re.M)


def parameter_list(text, start):
    """The text between the parenthesis at `start` and its match."""
    depth = 0
    for index in range(start, len(text)):
        if text[index] in "([<":
            depth += 1
        elif text[index] in ")]>" and not (text[index] == ">" and text[index - 1] == "-"):
            depth -= 1
            if depth == 0:
                return text[start + 1:index]
    raise ValueError("unbalanced parameter list")


def labels(parameters):
    """The argument labels of a parameter list (`_` ones left out)."""
    result, depth, current = [], 0, ""
    for character in parameters + ",":
        if character in "([<":
            depth += 1
        elif character in ")]>" and not current.endswith("-"):
            depth -= 1
        if character == "," and depth == 0:
            name = current.split(":", 1)[0].split()
            if name and name[0] != "_":
                result.append(name[0])
            current = ""
        else:
            current += character
    return result


@functools.cache
def construct_initializers():
    """Type name → the label lists of its `public init(_ id: String, ...)` initializers."""
    found = {}
    for path in sorted(SOURCES.rglob("*.swift")):
        text = path.read_text()
        types = [(match.start(), match.group(1)) for match in TYPE.finditer(text)]
        for match in INIT.finditer(text):
            owner = [name for position, name in types if position < match.start()]
            if not owner:
                continue
            parameters = parameter_list(text, match.end() - 1)
            if not re.match(r"\s*_ id: String\b", parameters):
                continue
            found.setdefault(owner[-1], []).append(labels(parameters))
    return found


def order(type_name, used):
    """`used` labels in the order `type_name`'s initializer declares them; an error naming the labels it lacks."""
    candidates = construct_initializers().get(type_name)
    if not candidates:
        raise SystemExit(f"error: no `public init(_ id: String, ...)` of {type_name} in Sources/FormworkAWS")
    for candidate in candidates:
        if all(label in candidate for label in used):
            return sorted(used, key=candidate.index)
    raise SystemExit(f"error: no initializer of {type_name} takes {', '.join(used)}; its labels: {candidates}")
