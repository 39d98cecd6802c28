#ifndef CENVREF_SYSTEM_H
#define CENVREF_SYSTEM_H

#include <stddef.h>

/// Atomically swaps two paths (files or directories) on the same file system: each name then
/// refers to what the other did. Returns 0, or -1 with errno set (ENOSYS or EINVAL where the file
/// system cannot do it).
int envref_exchange_paths(const char *first, const char *second);

/// Copies up to `capacity` bytes of the running executable's GNU build ID (a digest of its contents the
/// linker writes) into `out`; returns how many, or 0 when it has none or the platform cannot tell.
size_t envref_executable_build_id(unsigned char *out, size_t capacity);

#endif
