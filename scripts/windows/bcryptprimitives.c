/* TEST ONLY: a stand-in for bcryptprimitives.dll, which Debian's Wine 8.0 lacks and Rust's
 * standard library asks for ProcessPrng (every start of stratboard.exe would fail with
 * "bcryptprimitives.dll not found"). scripts/windows/test.sh builds it with mingw-w64 and puts
 * it beside the stratboard.exe under test. It never ships: Windows 10 and 11 have the real
 * one, and build.sh refuses a package holding any DLL.
 *
 *   x86_64-w64-mingw32-gcc -shared -O2 -o bcryptprimitives.dll bcryptprimitives.c \
 *     bcryptprimitives.def
 */
#include <windows.h>

/* RtlGenRandom, exported by advapi32 under this name (Wine implements it). */
BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

/* As Windows' ProcessPrng: fills `data` with `length` random bytes; always TRUE there. */
BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
    while (length > 0) {
        ULONG chunk = length > 0x40000000 ? 0x40000000 : (ULONG)length;
        if (!SystemFunction036(data, chunk))
            return FALSE;
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
