// The running executable's GNU build ID, read from its loaded program headers: Swift has no binding for
// dl_iterate_phdr's callback types, and reading the ID this way needs no file access.
#define _GNU_SOURCE
#include "CEnvrefSystem.h"
#include <string.h>

#if defined(__linux__)
#include <elf.h>
#include <link.h>

struct build_id_request {
    unsigned char *out;
    size_t capacity;
    size_t length;
};

static int read_build_id(struct dl_phdr_info *info, size_t size, void *data) {
    (void)size;
    struct build_id_request *request = data;
    for (int index = 0; index < info->dlpi_phnum; index++) {
        const ElfW(Phdr) *segment = &info->dlpi_phdr[index];
        if (segment->p_type != PT_NOTE) continue;
        const char *note = (const char *)(info->dlpi_addr + segment->p_vaddr);
        const char *end = note + segment->p_memsz;
        while (note + sizeof(ElfW(Nhdr)) <= end) {
            const ElfW(Nhdr) *header = (const ElfW(Nhdr) *)note;
            const char *name = note + sizeof(ElfW(Nhdr));
            const char *description = name + ((header->n_namesz + 3) & ~(size_t)3);
            const char *next = description + ((header->n_descsz + 3) & ~(size_t)3);
            if (next > end) break;
            if (header->n_type == NT_GNU_BUILD_ID && header->n_namesz == 4 && memcmp(name, "GNU", 4) == 0) {
                size_t length = header->n_descsz < request->capacity ? header->n_descsz : request->capacity;
                memcpy(request->out, description, length);
                request->length = length;
                return 1;
            }
            note = next;
        }
    }
    // The first object listed is the executable itself; the libraries after it do not matter.
    return 1;
}

size_t envref_executable_build_id(unsigned char *out, size_t capacity) {
    struct build_id_request request = {out, capacity, 0};
    dl_iterate_phdr(read_build_id, &request);
    return request.length;
}
#else
size_t envref_executable_build_id(unsigned char *out, size_t capacity) {
    (void)out;
    (void)capacity;
    return 0;
}
#endif
