#ifndef C_FORMWORK_MALLOC_H
#define C_FORMWORK_MALLOC_H

#include <stddef.h>

/// Asks the C allocator to keep up to `bytes` of freed memory at the top of the heap, and to grow the heap
/// by as much at a time, instead of returning freed memory to the system and faulting it back in.
/// Returns 1 when the allocator took the setting (glibc), 0 where there is no such setting.
int formwork_keep_freed_memory(size_t bytes);

#endif
