#ifndef C_FORMWORK_FILE_SYSTEM_H
#define C_FORMWORK_FILE_SYSTEM_H

/// Swaps the two paths `first` and `second` (files or folders) in one atomic step: `renameat2` with
/// `RENAME_EXCHANGE` on Linux, `renamex_np` with `RENAME_SWAP` on Darwin.
/// Returns 0 on success; -1 with `errno` set otherwise (`ENOSYS` or `EINVAL` where the system or the file
/// system cannot swap).
int formwork_exchange_paths(const char *first, const char *second);

#endif
