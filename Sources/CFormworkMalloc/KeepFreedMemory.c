#include "CFormworkMalloc.h"
#include <limits.h>
#include <stdlib.h> /* defines __GLIBC__ when the C library is glibc */

#if defined(__GLIBC__)
#include <malloc.h>

int formwork_keep_freed_memory(size_t bytes) {
    return mallopt(M_TOP_PAD, bytes > INT_MAX ? INT_MAX : (int)bytes);
}
#else
int formwork_keep_freed_memory(size_t bytes) {
    (void)bytes;
    return 0;
}
#endif
