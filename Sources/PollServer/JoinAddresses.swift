import Foundation

/// The addresses participants use to join: the public URL when one is given; else the
/// address the server listens on (`--bind`) when it is a specific one (a loopback bind shows
/// only loopback); else one URL per IPv4 address of this machine that a participant can
/// reach (the room's Wi-Fi — not loopback, not container or virtual-machine bridges); else
/// localhost.
public enum JoinAddresses {
    /// A network interface's IPv4 address, as `getifaddrs` lists it.
    struct Interface: Equatable {
        var name: String
        var address: String
        var up = true
        var loopback = false
    }

    public static func urls(code: String, port: Int, publicURL: String?, bind: String = "0.0.0.0") -> [String] {
        urls(code: code, port: port, publicURL: publicURL, bind: bind, interfaces: localInterfaces())
    }

    static func urls(code: String, port: Int, publicURL: String?, bind: String, interfaces: [Interface]) -> [String] {
        if let publicURL {
            let base = publicURL.hasSuffix("/") ? String(publicURL.dropLast()) : publicURL
            return ["\(base)/j/\(code)"]
        }
        let hosts: [String]
        switch bind {
        case "0.0.0.0", "::", "":
            let reachable = interfaces.filter { $0.up && !$0.loopback && !isBridge($0.name) }.map(\.address)
            hosts = reachable.isEmpty ? ["localhost"] : reachable
        case "localhost":
            hosts = ["127.0.0.1"]
        default:
            hosts = [bind.contains(":") ? "[\(bind)]" : bind]
        }
        let suffix = port == 80 ? "" : ":\(port)"
        return hosts.map { "http://\($0)\(suffix)/j/\(code)" }
    }

    /// The wall page's address beside a join address: `…/j/CODE` → `…/w/CODE` (nil for an
    /// address that is not a join address).
    public static func wallURL(of joinURL: String) -> String? {
        guard let range = joinURL.range(of: "/j/", options: .backwards) else { return nil }
        return joinURL.replacingCharacters(in: range, with: "/w/")
    }

    /// Interfaces that only this machine's containers or virtual machines reach.
    static func isBridge(_ name: String) -> Bool {
        ["docker", "br-", "virbr", "veth", "cni", "flannel", "podman", "lxcbr", "lxdbr", "vmnet", "vboxnet", "kube"]
            .contains { name.hasPrefix($0) }
    }

    /// The IPv4 addresses of the machine's interfaces.
    static func localInterfaces() -> [Interface] {
        var result: [Interface] = []
        var list: UnsafeMutablePointer<ifaddrs>?
        guard getifaddrs(&list) == 0, let first = list else { return [] }
        defer { freeifaddrs(list) }
        var cursor: UnsafeMutablePointer<ifaddrs>? = first
        while let entry = cursor {
            defer { cursor = entry.pointee.ifa_next }
            let flags = Int32(entry.pointee.ifa_flags)
            guard let address = entry.pointee.ifa_addr, address.pointee.sa_family == UInt16(AF_INET) else { continue }
            var host = [CChar](repeating: 0, count: Int(NI_MAXHOST))
            guard getnameinfo(address, socklen_t(MemoryLayout<sockaddr_in>.size), &host, socklen_t(host.count), nil, 0, NI_NUMERICHOST) == 0
            else { continue }
            result.append(Interface(name: String(cString: entry.pointee.ifa_name),
                                    address: String(decoding: host.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self),
                                    up: flags & Int32(IFF_UP) != 0, loopback: flags & Int32(IFF_LOOPBACK) != 0))
        }
        return result
    }
}
