"""A small YAML reader for plan files: block mappings and sequences, flow `{}` and `[]`,
quoted and plain scalars, comments. Every scalar stays text (`Scalar`), so money and rates are
read as decimals by the caller, never through binary floating point. Each mapping key keeps its
line and column, for errors that name them."""


class YAMLError(Exception):
    pass


class Scalar(str):
    """A scalar's text, with whether it was quoted and where it stood."""

    def __new__(cls, text, quoted=False, line=0, column=0):
        value = super().__new__(cls, text)
        value.quoted = quoted
        value.line = line
        value.column = column
        return value


class Mapping(dict):
    """A mapping whose `positions` give each key's (line, column), 1-based."""

    def __init__(self):
        super().__init__()
        self.positions = {}
        self.line = 0
        self.column = 0


def _strip_comment(text):
    quote = None
    for index, char in enumerate(text):
        if quote:
            if char == quote:
                quote = None
        elif char in "'\"":
            quote = char
        elif char == "#" and (index == 0 or text[index - 1] in " \t"):
            return text[:index]
    return text


def _unquote(text, line, column):
    text = text.strip()
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "'\"":
        body = text[1:-1]
        if text[0] == "'":
            body = body.replace("''", "'")
        else:
            body = body.replace('\\"', '"').replace("\\\\", "\\")
        return Scalar(body, True, line, column)
    if text in ("", "~", "null"):
        return None
    return Scalar(text, False, line, column)


class _Flow:
    """Reads one flow collection (`{...}` or `[...]`) from a text."""

    def __init__(self, text, line, column):
        self.text, self.index, self.line, self.column = text, 0, line, column

    def _skip(self):
        while self.index < len(self.text) and self.text[self.index] in " \t":
            self.index += 1

    def value(self):
        self._skip()
        char = self.text[self.index]
        if char == "{":
            return self._mapping()
        if char == "[":
            return self._sequence()
        return self._scalar(",]}")

    def _scalar(self, stops):
        self._skip()
        start = self.index
        if self.index < len(self.text) and self.text[self.index] in "'\"":
            quote = self.text[self.index]
            self.index += 1
            while self.index < len(self.text):
                if self.text[self.index] == quote:
                    if quote == "'" and self.text[self.index + 1 : self.index + 2] == "'":
                        self.index += 2
                        continue
                    break
                self.index += 1
            self.index += 1
        else:
            while self.index < len(self.text) and self.text[self.index] not in stops:
                if self.text[self.index] == ":" and ":" in stops:
                    nxt = self.text[self.index + 1 : self.index + 2]
                    if nxt in (" ", "", "\t"):
                        break
                self.index += 1
        return _unquote(self.text[start : self.index], self.line, self.column + start)

    def _mapping(self):
        result = Mapping()
        result.line, result.column = self.line, self.column + self.index
        self.index += 1
        while True:
            self._skip()
            if self.text[self.index] == "}":
                self.index += 1
                return result
            key_column = self.column + self.index
            key = self._scalar(":,}")
            self._skip()
            if self.text[self.index] != ":":
                raise YAMLError(f"{self.line}:{key_column}: expected ':' after '{key}'")
            self.index += 1
            value = self.value()
            if key in result:
                raise YAMLError(f"{self.line}:{key_column}: duplicate key '{key}'")
            result[str(key)] = value
            result.positions[str(key)] = (self.line, key_column)
            self._skip()
            if self.text[self.index] == ",":
                self.index += 1

    def _sequence(self):
        result = []
        self.index += 1
        while True:
            self._skip()
            if self.text[self.index] == "]":
                self.index += 1
                return result
            result.append(self.value())
            self._skip()
            if self.text[self.index] == ",":
                self.index += 1


def _inline(text, line, column):
    stripped = text.strip()
    if stripped[:1] in ("{", "["):
        try:
            flow = _Flow(stripped, line, column)
            return flow.value()
        except IndexError:
            raise YAMLError(f"{line}:{column}: unclosed flow collection")
    return _unquote(stripped, line, column)


def _key_split(content):
    """(key, rest) when `content` is `key: rest`, else None."""
    quote = None
    for index, char in enumerate(content):
        if quote:
            if char == quote:
                quote = None
            continue
        if char in "'\"" and index == 0:
            quote = char
            continue
        if char in "{[" and index == 0:
            return None
        if char == ":" and (index + 1 == len(content) or content[index + 1] in " \t"):
            key = content[:index].strip()
            if len(key) >= 2 and key[0] == key[-1] and key[0] in "'\"":
                key = key[1:-1]
            return key, content[index + 1 :]
    return None


def load(text):
    lines = []
    for number, raw in enumerate(text.splitlines(), start=1):
        if "\t" in raw[: len(raw) - len(raw.lstrip())]:
            raise YAMLError(f"{number}:1: tab in indentation")
        content = _strip_comment(raw).rstrip()
        if content.strip() in ("", "---"):
            continue
        indent = len(content) - len(content.lstrip(" "))
        lines.append((number, indent, content.strip()))
    if not lines:
        return Mapping()
    value, index = _block(lines, 0, lines[0][1])
    if index != len(lines):
        number = lines[index][0]
        raise YAMLError(f"{number}:{lines[index][1] + 1}: unexpected indentation")
    return value


def _block(lines, index, indent):
    if lines[index][2].startswith("- ") or lines[index][2] == "-":
        return _block_sequence(lines, index, indent)
    return _block_mapping(lines, index, indent)


def _block_mapping(lines, index, indent, result=None):
    result = result if result is not None else Mapping()
    if not result.line:
        result.line, result.column = lines[index][0], indent + 1
    while index < len(lines):
        number, this_indent, content = lines[index]
        if this_indent < indent:
            break
        if this_indent > indent:
            raise YAMLError(f"{number}:{this_indent + 1}: unexpected indentation")
        split = _key_split(content)
        if split is None:
            raise YAMLError(f"{number}:{this_indent + 1}: expected 'key: value'")
        key, rest = split
        if key in result:
            raise YAMLError(f"{number}:{this_indent + 1}: duplicate key '{key}'")
        result.positions[key] = (number, this_indent + 1)
        index += 1
        if rest.strip():
            column = this_indent + 1 + len(content) - len(rest.lstrip())
            result[key] = _inline(rest, number, column)
        elif index < len(lines) and (
            lines[index][1] > indent or (lines[index][1] == indent and lines[index][2].startswith("-"))
        ):
            result[key], index = _block(lines, index, lines[index][1])
        else:
            result[key] = None
    return result, index


def _block_sequence(lines, index, indent):
    result = []
    while index < len(lines):
        number, this_indent, content = lines[index]
        if this_indent != indent or not (content.startswith("- ") or content == "-"):
            break
        rest = content[1:].lstrip()
        item_indent = indent + (len(content) - len(rest))
        index += 1
        if not rest:
            if index < len(lines) and lines[index][1] > indent:
                item, index = _block(lines, index, lines[index][1])
            else:
                item = None
        elif _key_split(rest) is not None:
            spliced = lines[: index - 1] + [(number, item_indent, rest)] + lines[index:]
            item, index = _block_mapping(spliced, index - 1, item_indent)
        else:
            item = _inline(rest, number, item_indent + 1)
        result.append(item)
    return result, index
