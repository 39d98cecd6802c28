#ifndef CENVREF_SYSTEM_H
#define CENVREF_SYSTEM_H

/// Atomically swaps two paths (files or directories) on the same file system: each name then
/// refers to what the other did. Returns 0, or -1 with errno set (ENOSYS or EINVAL where the file
/// system cannot do it).
int envref_exchange_paths(const char *first, const char *second);

#endif
