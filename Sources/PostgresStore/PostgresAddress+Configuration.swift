import NIOSSL
import PostgresNIO

extension PostgresAddress {
    /// The pool's configuration: connections time out after `connectTimeout`, and every
    /// statement on the server after `statementTimeout` (so a stuck query fails instead of hanging).
    func clientConfiguration(connectTimeout: Duration, statementTimeout: Duration, maximumConnections: Int) -> PostgresClient.Configuration {
        var configuration: PostgresClient.Configuration
        if let socketFolder {
            configuration = .init(unixSocketPath: "\(socketFolder)/.s.PGSQL.\(port)", username: user, password: password, database: database)
        } else {
            let tls: PostgresClient.Configuration.TLS = switch tls {
            case .disable: .disable
            case .prefer: .prefer(tlsConfiguration)
            case .require, .verifyCA, .verifyFull: .require(tlsConfiguration)
            }
            configuration = .init(host: host, port: port, username: user, password: password, database: database, tls: tls)
        }
        configuration.options.connectTimeout = connectTimeout
        configuration.options.maximumConnections = maximumConnections
        configuration.options.additionalStartupParameters = Self.startupParameters(statementTimeout: statementTimeout)
        return configuration
    }

    /// One connection's configuration (the listener), like the pool's.
    func connectionConfiguration(connectTimeout: Duration) throws -> PostgresConnection.Configuration {
        var configuration: PostgresConnection.Configuration
        if let socketFolder {
            configuration = .init(unixSocketPath: "\(socketFolder)/.s.PGSQL.\(port)", username: user, password: password, database: database)
        } else {
            let tls: PostgresConnection.Configuration.TLS = switch tls {
            case .disable: .disable
            case .prefer: .prefer(try NIOSSLContext(configuration: tlsConfiguration))
            case .require, .verifyCA, .verifyFull: .require(try NIOSSLContext(configuration: tlsConfiguration))
            }
            configuration = .init(host: host, port: port, username: user, password: password, database: database, tls: tls)
        }
        configuration.options.connectTimeout = .nanoseconds(Int64(connectTimeout.components.seconds) * 1_000_000_000
                                                             + connectTimeout.components.attoseconds / 1_000_000_000)
        configuration.options.additionalStartupParameters = [("application_name", "roompoll")]
        return configuration
    }

    /// libpq's `sslmode` as a TLS configuration: `require` encrypts without checking the
    /// certificate, `verify-ca` checks its chain, `verify-full` its chain and host name.
    private var tlsConfiguration: TLSConfiguration {
        var configuration = TLSConfiguration.makeClientConfiguration()
        configuration.certificateVerification = switch tls {
        case .disable, .prefer, .require: .none
        case .verifyCA: .noHostnameVerification
        case .verifyFull: .fullVerification
        }
        return configuration
    }

    private static func startupParameters(statementTimeout: Duration) -> [(String, String)] {
        let milliseconds = statementTimeout.components.seconds * 1000 + statementTimeout.components.attoseconds / 1_000_000_000_000_000
        // A transaction left open (a process frozen while it held a session's lock) is ended
        // by the server, so it cannot hold up the other servers' answers for long.
        return [("application_name", "roompoll"), ("statement_timeout", String(milliseconds)),
                ("idle_in_transaction_session_timeout", "10000")]
    }
}
