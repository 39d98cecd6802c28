#ifndef CENVREF_HEAP_H
#define CENVREF_HEAP_H

#include <stddef.h>

/// The extra bytes each new heap of the C allocator is made with, as set when the program loaded: glibc's
/// M_TOP_PAD. 0 when it was left as it was: another C library, or a padding set in the environment
/// (MALLOC_TOP_PAD_, or glibc.malloc.top_pad in GLIBC_TUNABLES).
size_t envref_heap_padding(void);

#endif
