#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// IP addresses and CIDR blocks written as text, read as Python's `ipaddress` (which cfn-lint uses) reads
/// them: IPv4 octets in decimal without leading zeros, IPv6 in any form `inet_pton` accepts, and networks
/// strict (no host bits set).
enum IPAddressText {
    /// The four bytes of an IPv4 address, or `nil`.
    static func ipv4(_ text: some StringProtocol) -> [UInt8]? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        var bytes: [UInt8] = []
        for part in parts {
            guard (1...3).contains(part.count), part.allSatisfy(\.isASCIIDigit),
                part.count == 1 || part.first != "0", let byte = UInt8(part)
            else { return nil }
            bytes.append(byte)
        }
        return bytes
    }

    /// The sixteen bytes of an IPv6 address, or `nil`.
    static func ipv6(_ text: some StringProtocol) -> [UInt8]? {
        guard text.count <= 45, text.contains(":") else { return nil }
        var address = in6_addr()
        guard inet_pton(AF_INET6, String(text), &address) == 1 else { return nil }
        return withUnsafeBytes(of: &address) { Array($0) }
    }

    /// A CIDR block: its address bytes and prefix length, or `nil` when `text` is not one.
    struct Block: Equatable {
        var bytes: [UInt8]
        var prefixLength: Int

        /// Whether every address of `other` is in this block.
        func contains(_ other: Block) -> Bool {
            other.bytes.count == bytes.count && other.prefixLength >= prefixLength
                && Self.prefix(of: other.bytes, prefixLength) == Self.prefix(of: bytes, prefixLength)
        }

        /// Whether the two blocks share an address.
        func overlaps(_ other: Block) -> Bool {
            contains(other) || other.contains(self)
        }

        private static func prefix(of bytes: [UInt8], _ length: Int) -> [UInt8] {
            bytes.enumerated().map { index, byte in
                let kept = min(max(length - index * 8, 0), 8)
                return kept == 0 ? 0 : byte & UInt8(truncatingIfNeeded: 0xFF << (8 - kept))
            }
        }
    }

    /// `text` as a strict IPv4 CIDR block (`10.0.0.0/16`), or `nil`.
    static func ipv4Block(_ text: String) -> Block? {
        block(text, bits: 32, address: ipv4)
    }

    /// Whether `text` is a network of `bits`-bit addresses: an address alone, `address/length` with no host
    /// bits set, or (IPv4) `address/netmask`.
    static func network(_ text: String, bits: Int, address: (Substring) -> [UInt8]?) -> Bool {
        if block(text, bits: bits, address: address) != nil { return true }
        let parts = text.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        if parts.count == 1 { return address(parts[0]) != nil }
        return bits == 32 && parts[1].contains(".") && ipv4(parts[0]) != nil && ipv4(parts[1]) != nil
    }

    private static func block(_ text: String, bits: Int, address: (Substring) -> [UInt8]?) -> Block? {
        let parts = text.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2, (1...3).contains(parts[1].count), parts[1].allSatisfy(\.isASCIIDigit),
            let length = Int(parts[1]), length <= bits, let bytes = address(parts[0])
        else { return nil }
        let block = Block(bytes: bytes, prefixLength: length)
        // Strict: the address is the network's first address.
        guard
            bytes.enumerated().allSatisfy({ index, byte in
                let kept = min(max(length - index * 8, 0), 8)
                return kept == 8 || byte & (0xFF >> kept) == 0
            })
        else { return nil }
        return block
    }
}

private extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
