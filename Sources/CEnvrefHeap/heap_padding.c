// Makes every glibc malloc heap with room to grow, before the program's first thread starts.
//
// envref's work runs on worker threads, and glibc gives each its own arena. A new arena's heap is reserved whole
// but made writable as it fills, one mprotect call for each few pages, and the padding is the only setting that
// reaches a new heap. Loading a registry of 10,000 variables grew the arenas 9,500 times, a sixth of `envref diff`;
// with 48 MiB of padding they grow a few dozen times. Untouched pages cost address space, not memory. The padding
// must be set before a thread makes its arena, so this runs as the executable loads.

#include "CEnvrefHeap.h"

#include <stdlib.h>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

// Below glibc's 64 MiB heap on 64-bit systems, so a heap's first request and its padding fit in one heap.
static const size_t requested_padding = 48u << 20;
static size_t applied_padding = 0;

__attribute__((constructor)) static void envref_pad_heaps(void) {
#if defined(__GLIBC__)
    // A padding chosen in the environment is the user's to keep.
    if (getenv("MALLOC_TOP_PAD_") == NULL && mallopt(M_TOP_PAD, (int)requested_padding) == 1) {
        applied_padding = requested_padding;
    }
#endif
}

size_t envref_heap_padding(void) {
    return applied_padding;
}
