import Calculus
import Foundation
import Yams

extension ConvergenceSpec {
  /// `{name, offsets}` in `schemes`: a stencil whose weights Fornberg's algorithm gives for
  /// each case's derivative.
  struct CustomStencil: Sendable, Equatable {
    var name: String
    var offsets: [Double]
  }

  /// One sweep's method: a named scheme, or a custom stencil.
  enum Method: Sendable {
    case named(Scheme)
    case custom(CustomStencil)
  }

  /// The named schemes, then the custom stencils, in the order swept.
  var methods: [Method] { schemes.map(Method.named) + stencils.map(Method.custom) }

  /// One entry of `schemes`: a scheme's name or `{name, offsets}`, with where it stands.
  struct SchemeEntry: Decodable {
    var scheme: Scheme?
    var stencil: CustomStencil?
    var nameMark: Mark?
    var offsetsMark: Mark?

    init(scheme: Scheme) { self.scheme = scheme }

    init(from decoder: Decoder) throws {
      if (try? decoder.singleValueContainer().decode(String.self)) != nil {
        scheme = try EnumValue<Scheme>(from: decoder).value
        return
      }
      let c = try decoder.strictContainer(allowing: ["name", "offsets"], in: "a stencil")
      let name = try c.required("name", as: String.self, expected: "the stencil's name")
      let offsets = try c.required(
        "offsets", as: [NumberValue].self, expected: "a list of offsets in units of h")
      stencil = CustomStencil(name: name, offsets: offsets.map(\.value))
      nameMark = c.mark("name")
      offsetsMark = c.mark("offsets")
    }
  }

  /// Every stencil name must be new: not a named scheme's, not another stencil's.
  static func checkNames(_ entries: [SchemeEntry]) throws {
    var seen: Set<String> = []
    for entry in entries {
      guard let stencil = entry.stencil else { continue }
      if Scheme(rawValue: stencil.name) != nil {
        throw ExperimentError(
          at: entry.nameMark,
          "stencil name '\(stencil.name)' clashes with the named scheme '\(stencil.name)'; "
            + "give the stencil another name")
      }
      guard seen.insert(stencil.name).inserted else {
        throw ExperimentError(
          at: entry.nameMark, "two stencils are named '\(stencil.name)'; names must differ")
      }
    }
  }

  /// Validates each case's derivative against the precisions and every method, where it
  /// stands in the file, so that nothing runs on a stencil that cannot be built.
  static func checkDerivatives(
    _ cases: [CaseSpec], entries: [SchemeEntry], precisions: [Precision]
  ) throws {
    for spec in cases {
      let q = spec.value.derivative
      for precision in precisions {
        do {
          try Stencil.check(derivative: q, epsilon: precision.epsilon)
        } catch {
          throw ExperimentError(at: spec.derivativeMark, "\(error) (\(precision.rawValue))")
        }
      }
      for entry in entries {
        do {
          if let scheme = entry.scheme, scheme.isStencil {
            _ = try scheme.stencil(derivative: q)
          } else if entry.scheme == .complexStep, q != 1 {
            throw StencilError.complexStepDerivative(q)
          } else if let custom = entry.stencil {
            _ = try Stencil(name: custom.name, offsets: custom.offsets, derivative: q)
          }
        } catch {
          let at = entry.stencil == nil ? spec.derivativeMark : entry.offsetsMark
          let which = entry.stencil.map { "stencil '\($0.name)': " } ?? ""
          throw ExperimentError(at: at, which + "\(error)")
        }
      }
    }
  }

  /// `expect` keyed by scheme or stencil name: numbers or `auto`.
  static func decodeExpectations(
    _ c: KeyedDecodingContainer<AnyKey>, stencils: [CustomStencil], schemes: [Scheme]
  ) throws -> (named: [Scheme: Expectation], custom: [String: Expectation]) {
    guard c.has("expect") else { return ([:], [:]) }
    let names = stencils.map(\.name)
    let expect: SchemeExpectations
    do {
      expect = try SchemeExpectations(
        from: try c.superDecoder(forKey: AnyKey("expect")), allowing: names)
    } catch let error as ExperimentError {
      throw error
    } catch {
      throw c.error("expect", "'expect' must be a mapping")
    }
    try expect.check(against: schemes)
    var custom: [String: Expectation] = [:]
    for (name, value) in expect.extra {
      switch value {
      case .string("auto"): custom[name] = .auto
      case .number(let p) where p.isFinite && p >= 0: custom[name] = .order(p)
      default:
        throw ExperimentError(
          at: try? c.nestedContainer(keyedBy: AnyKey.self, forKey: "expect").mark(name),
          "expect.\(name) must be an order (a number >= 0) or 'auto'")
      }
    }
    return (expect.orders, custom)
  }
}
