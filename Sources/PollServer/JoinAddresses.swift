import Foundation

/// The addresses participants use to join: the public URL when one is given, else one URL
/// per non-loopback IPv4 address of this machine (the room's Wi-Fi), else localhost.
public enum JoinAddresses {
    public static func urls(code: String, port: Int, publicURL: String?) -> [String] {
        if let publicURL {
            let base = publicURL.hasSuffix("/") ? String(publicURL.dropLast()) : publicURL
            return ["\(base)/j/\(code)"]
        }
        let hosts = localAddresses()
        let suffix = port == 80 ? "" : ":\(port)"
        return (hosts.isEmpty ? ["localhost"] : hosts).map { "http://\($0)\(suffix)/j/\(code)" }
    }

    /// Non-loopback IPv4 addresses of the machine's interfaces that are up.
    static func localAddresses() -> [String] {
        var result: [String] = []
        var list: UnsafeMutablePointer<ifaddrs>?
        guard getifaddrs(&list) == 0, let first = list else { return [] }
        defer { freeifaddrs(list) }
        var cursor: UnsafeMutablePointer<ifaddrs>? = first
        while let entry = cursor {
            defer { cursor = entry.pointee.ifa_next }
            let flags = Int32(entry.pointee.ifa_flags)
            guard let address = entry.pointee.ifa_addr, address.pointee.sa_family == UInt16(AF_INET),
                  flags & Int32(IFF_UP) != 0, flags & Int32(IFF_LOOPBACK) == 0 else { continue }
            var host = [CChar](repeating: 0, count: Int(NI_MAXHOST))
            if getnameinfo(address, socklen_t(MemoryLayout<sockaddr_in>.size), &host, socklen_t(host.count), nil, 0, NI_NUMERICHOST) == 0 {
                result.append(String(decoding: host.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
            }
        }
        return result
    }
}
