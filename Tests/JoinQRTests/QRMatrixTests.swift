import Foundation
import JoinQR
import Testing
import TestSupport

/// The join QR code as the console draws it, read back by a real decoder (zbarimg).
@Suite("Join QR code")
struct QRMatrixTests {
    /// The half-block text turned back into pixels — a full block is two light pixels, a
    /// space two dark ones — scaled up with a light border, as a PGM image.
    func image(of lines: [String], scale: Int = 6, border: Int = 8) -> Data {
        var rows: [[Bool]] = []   // true = light
        for line in lines {
            var top: [Bool] = [], bottom: [Bool] = []
            for character in line {
                top.append(character == "█" || character == "▀")
                bottom.append(character == "█" || character == "▄")
            }
            rows += [top, bottom]
        }
        let width = (rows.map(\.count).max() ?? 0) + 2 * border, height = rows.count + 2 * border
        var pixels: [UInt8] = []
        for y in 0..<(height * scale) {
            for x in 0..<(width * scale) {
                let row = y / scale - border, column = x / scale - border
                let light = row < 0 || row >= rows.count || column < 0 || column >= rows[row].count || rows[row][column]
                pixels.append(light ? 255 : 0)
            }
        }
        return Data("P5\n\(width * scale) \(height * scale)\n255\n".utf8) + Data(pixels)
    }

    func decode(_ lines: [String]) throws -> String {
        let folder = try TemporaryFolder("roompoll-qr")
        defer { folder.remove() }
        let path = folder.path("code.pgm")
        try image(of: lines).write(to: URL(fileURLWithPath: path))
        return try runTool("/usr/bin/zbarimg", ["--quiet", "--raw", path])
    }

    @Test(arguments: ["http://192.168.1.23:8080/j/K7M2QX", "https://poll.example.org/j/ABC234", "http://10.0.0.5/j/Z9Z9Z9"])
    func theDrawnCodeDecodesToTheURL(url: String) throws {
        let matrix = try #require(QRMatrix(url))
        let lines = matrix.halfBlockLines()
        #expect(lines.count == (matrix.size + 4 + 1) / 2)
        #expect(try decode(lines) == url)
    }

    @Test func itFitsBesideTheLobbyAt80Columns() throws {
        let lines = try #require(QRMatrix("http://192.168.100.200:65535/j/K7M2QX")).halfBlockLines()
        #expect(lines.allSatisfy { $0.count <= 37 })
        #expect(lines.count <= 19)
    }
}

extension QRMatrixTests {
    @Test func theSVGDrawsEveryDarkModuleOnAWhiteQuietZone() throws {
        let matrix = try #require(QRMatrix("http://10.0.0.5/j/Z9Z9Z9"))
        let svg = matrix.svg(label: "QR")
        #expect(svg.components(separatedBy: "h1v1h-1z").count - 1 == matrix.modules.filter { $0 }.count)
        #expect(svg.contains("viewBox=\"0 0 \(matrix.size + 8) \(matrix.size + 8)\""))
        #expect(svg.contains("M4 4h1v1h-1z"), "the finder pattern's corner, inside the 4-module quiet zone")
    }
}
