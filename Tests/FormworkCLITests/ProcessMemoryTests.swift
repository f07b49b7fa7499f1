import FormworkCLI
import Testing

@Suite struct ProcessMemoryTests {
    #if canImport(Glibc)
        @Test func glibcTakesTheSettingToKeepFreedMemory() {
            #expect(ProcessMemory.keepFreedMemoryForReuse())
        }
    #endif
}
