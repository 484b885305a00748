"""The process's cache, bounded by the bytes it keeps rather than by its number of entries.

Kept pages are large (a page of a big group is hundreds of kilobytes), and a bound in
entries alone lets a few thousand of them take gigabytes. This LocMemCache keeps the size
of every entry as stored (its key and pickled value) and, when the total passes
OPTIONS["MAX_BYTES"], forgets the least recently used entries until it fits again. An
entry larger than the whole budget is not kept at all. MAX_ENTRIES still applies.
"""

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.locmem import LocMemCache

DEFAULT_MAX_BYTES = 64 * 1024 * 1024

# Shared by every thread's instance of a cache of the same name, as LocMemCache's own
# entries are.
_usages = {}


class _Usage:
    def __init__(self):
        self.sizes = {}
        self.total = 0


class ByteBoundedLocMemCache(LocMemCache):
    def __init__(self, name, params):
        super().__init__(name, params)
        max_bytes = params.get("OPTIONS", {}).get("MAX_BYTES", DEFAULT_MAX_BYTES)
        self.max_bytes = int(max_bytes)
        self._usage = _usages.setdefault(name, _Usage())

    @property
    def kept_bytes(self):
        return self._usage.total

    # Every method below runs with self._lock held, as LocMemCache calls them.

    def _set(self, key, value, timeout=DEFAULT_TIMEOUT):
        self._delete(key)
        size = len(key) + len(value)
        if size > self.max_bytes:
            return
        super()._set(key, value, timeout)
        self._usage.sizes[key] = size
        self._usage.total += size
        # The newest entry is first: the least recently used ones go from the end.
        while self._usage.total > self.max_bytes:
            old, _ = self._cache.popitem()
            self._expire_info.pop(old, None)
            self._forget(old)

    def _cull(self):
        super()._cull()
        for key in [key for key in self._usage.sizes if key not in self._cache]:
            self._forget(key)

    def _delete(self, key):
        self._forget(key)
        return super()._delete(key)

    def _forget(self, key):
        self._usage.total -= self._usage.sizes.pop(key, 0)

    def incr(self, key, delta=1, version=None):
        value = super().incr(key, delta, version)
        key = self.make_and_validate_key(key, version=version)
        with self._lock:
            if key in self._cache:
                self._forget(key)
                self._usage.sizes[key] = len(key) + len(self._cache[key])
                self._usage.total += self._usage.sizes[key]
        return value

    def clear(self):
        with self._lock:
            self._cache.clear()
            self._expire_info.clear()
            self._usage.sizes.clear()
            self._usage.total = 0
