import Foundation

/// Where a PostgreSQL database is and how to log in, read from a URL the way libpq reads one:
/// `postgres://user:password@host:5432/database?sslmode=require` (also `postgresql://`). The
/// password comes from the URL, else `PGPASSWORD`, else the password file (`PGPASSFILE` or
/// `~/.pgpass`). `host=/folder` in the query names a Unix socket folder. Pure, apart from
/// reading the password file.
public struct PostgresAddress: Sendable, Hashable, CustomStringConvertible {
    /// How the connection is encrypted (libpq's `sslmode`).
    public enum TLSMode: String, Sendable, Hashable, CaseIterable {
        /// Never.
        case disable
        /// When the server offers it (libpq's default; `allow` reads the same).
        case prefer
        /// Always, without checking the server's certificate (as libpq's `require`).
        case require
        /// Always, checking the certificate's chain (`verify-ca`) or chain and host name (`verify-full`).
        case verifyCA = "verify-ca"
        case verifyFull = "verify-full"
    }

    public var host: String
    public var port: Int
    /// A Unix socket folder (`?host=/run/postgresql`) instead of TCP.
    public var socketFolder: String?
    public var user: String
    public var password: String?
    public var database: String
    public var tls: TLSMode

    /// Whether `text` is meant as a PostgreSQL URL (rather than an SQLite file's path).
    public static func isURL(_ text: String) -> Bool {
        let lower = text.lowercased()
        return lower.hasPrefix("postgres://") || lower.hasPrefix("postgresql://")
    }

    /// Reads `url`; `environment` supplies `PGPASSWORD`, `PGPASSFILE`, `PGUSER` and `HOME`.
    public init(url: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws(PostgresAddressError) {
        guard Self.isURL(url) else { throw .notAURL }
        // Every `%` starts an escape of two hex digits (a URL parser may drop a part that breaks this).
        let bytes = Array(url.utf8)
        for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "%") {
            guard index + 2 < bytes.count, bytes[(index + 1)...(index + 2)].allSatisfy({ UInt8(ascii: "0")...UInt8(ascii: "9") ~= $0
                || UInt8(ascii: "a")...UInt8(ascii: "f") ~= $0 | 0x20 }) else { throw .malformed }
        }
        // URLComponents wants a known scheme form; the two spellings read the same.
        let rest = url.drop(while: { $0 != ":" })
        guard let parts = URLComponents(string: "postgres" + rest) else { throw .malformed }
        var query: [String: String] = [:]
        for item in parts.queryItems ?? [] {
            guard let value = item.value else { throw .badParameter(item.name) }
            query[item.name] = value
        }
        for name in query.keys where !["sslmode", "host", "port", "user", "password", "dbname"].contains(name) {
            throw .unknownParameter(name)
        }
        let hostParameter = query["host"]
        socketFolder = hostParameter.flatMap { $0.hasPrefix("/") ? $0 : nil }
        host = parts.host.flatMap { $0.isEmpty ? nil : $0 } ?? hostParameter.flatMap { $0.hasPrefix("/") ? nil : $0 } ?? "localhost"
        if let portText = query["port"] ?? parts.port.map(String.init) {
            guard let value = Int(portText), (1...65_535).contains(value) else { throw .badParameter("port") }
            port = value
        } else {
            port = 5432
        }
        // Each part decoded exactly once (a password may itself hold a `%`).
        func decoded(_ text: String?) throws(PostgresAddressError) -> String? {
            guard let text else { return nil }
            guard let plain = text.removingPercentEncoding else { throw .malformed }
            return plain
        }
        user = try decoded(parts.percentEncodedUser).flatMap { $0.isEmpty ? nil : $0 }
            ?? query["user"] ?? environment["PGUSER"] ?? environment["USER"] ?? "postgres"
        let path = parts.percentEncodedPath.hasPrefix("/") ? String(parts.percentEncodedPath.dropFirst()) : parts.percentEncodedPath
        database = try decoded(path).flatMap { $0.isEmpty ? nil : $0 } ?? query["dbname"] ?? user
        if let mode = query["sslmode"] {
            guard let parsed = mode == "allow" ? .prefer : TLSMode(rawValue: mode) else { throw .badParameter("sslmode") }
            tls = parsed
        } else {
            tls = .prefer
        }
        password = try decoded(parts.percentEncodedPassword) ?? query["password"] ?? environment["PGPASSWORD"]
        if password == nil {
            let file = environment["PGPASSFILE"] ?? environment["HOME"].map { $0 + "/.pgpass" }
            if let file, let text = try? String(contentsOfFile: file, encoding: .utf8) {
                password = Self.password(inPassFile: text, host: socketFolder == nil ? host : "localhost", port: port, database: database, user: user)
            }
        }
    }

    /// The password of the first line of a `.pgpass` file that matches
    /// (`host:port:database:user:password`, `*` matches anything, `\:` and `\\` escape).
    static func password(inPassFile text: String, host: String, port: Int, database: String, user: String) -> String? {
        for line in text.split(whereSeparator: \.isNewline) where !line.hasPrefix("#") {
            var fields: [String] = [""]
            var escaped = false
            for character in line {
                if escaped { fields[fields.count - 1].append(character); escaped = false }
                else if character == "\\" { escaped = true }
                else if character == ":" && fields.count < 5 { fields.append("") }
                else { fields[fields.count - 1].append(character) }
            }
            guard fields.count == 5 else { continue }
            let wanted = [host, String(port), database, user]
            if zip(fields.prefix(4), wanted).allSatisfy({ $0 == "*" || $0 == $1 }) { return fields[4] }
        }
        return nil
    }

    /// The URL without its password, for messages — one that can be given to `--db` again.
    public var description: String {
        let name = user.addingPercentEncoding(withAllowedCharacters: .urlUserAllowed) ?? user
        let place = socketFolder == nil ? (host.contains(":") ? "[\(host)]" : host) : "localhost"
        var parameters: [String] = []
        if let socketFolder { parameters.append("host=\(socketFolder)") }
        if tls != .prefer { parameters.append("sslmode=\(tls.rawValue)") }
        let base = database.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? database
        return "postgres://\(name)@\(place):\(port)/\(base)" + (parameters.isEmpty ? "" : "?" + parameters.joined(separator: "&"))
    }
}

/// Why a PostgreSQL URL could not be read.
public enum PostgresAddressError: Error, Sendable, Hashable, CustomStringConvertible {
    case notAURL
    case malformed
    case badParameter(String)
    case unknownParameter(String)

    public var description: String {
        switch self {
        case .notAURL: return "not a PostgreSQL URL (it starts with postgres:// or postgresql://)"
        case .malformed: return "not a well-formed URL (postgres://user:password@host:5432/database)"
        case .badParameter(let name): return "the URL's `\(name)` is not valid"
        case .unknownParameter(let name):
            return "the URL's parameter `\(name)` is not one roompoll knows (sslmode, host, port, user, password, dbname)"
        }
    }
}
