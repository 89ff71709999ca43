import Foundation

extension ProgramPhrase {
  /// The phrase in Korean.
  // swift-format-ignore
  var korean: String {
    switch self {
    case .derivativeSubject(let name, let f, let at, let scheme): return "\(at)에서 \(f)의 \(name), \(Self.koreanScheme(scheme))"
    case .verdict(let v, let point, let name):
      let n = VerdictNumbers(v)
      let order = n.order ?? "측정 안 됨"
      let span = v.plateauSteps.map { "\(short($0.lowerBound))부터 \(short($0.upperBound))까지" } ?? ""
      switch v.status {
      case .agrees: return "일치: 차분이 차수 \(order)로 수렴 (기대 차수 \(n.expected)), h = \(n.leastStep)에서 오차 \(n.least)까지"
      case .plateauWithinTolerance: return "허용 차이 안에서 일치: 오차가 \(n.plateau)에서 정체"
      case .plateau: return "\(point)에서 미분이 유한 차분과 약 \(n.plateau)만큼 다름 (h = \(span), 오차가 반올림 오차 바닥보다 위에서 정체)"
      case .wrongOrder: return "일치 (오차 정체 구간 없음), 그러나 \(point)에서 차분의 오차가 차수 \(n.expected)가 아닌 \(order)로 줄어듦: x 근처에서 사라지는 테일러 급수의 항, 또는 꺾임"
      case .notChecked:
        return v.reason == .nonFiniteValue
          ? "확인 안 됨: \(point)에서 \(name)이(가) 유한하지 않음"
          : "확인 안 됨: \(point)에서 유한한 추정값을 준 간격이 세 개 미만"
      }
    case .adaptiveReference(let f, let at, let scheme, let value, let error):
      return "\(at)에서 \(f), \(Self.koreanScheme(scheme)): 기준값은 적응형 미분 \(String(format: "%.17g", value)) ± \(String(format: "%.1e", error)); 이보다 작은 오차는 볼 수 없음"
    case .showProgramCase(let number, let variable, let points): return "함수 \(number): 프로그램이 계산하는 f(\(variable))   (\(variable) = \(points)에서)"
    case .showStarts(let program, let directory, let precision): return "  실행: \(program) (\(directory)에서, \(CommonPhrase.precisionName(precision: precision).korean))"
    case .showStartsUnderTest(let program, let name, let q): return "  실행: \(program) (\(name), 검사 대상 f^(\(q)))"
    case .showUnderTest(let name, let expression): return "  검사 대상 \(name): \(expression)"
    case .showAdaptiveReference(let name): return "  기준값: 적응형 미분 (\(name) 없음)"
    case .showProgramsHeader: return "이 파일이 실행하는 프로그램 (사용자의 권한으로 실행됨; `--no-programs`는 이런 파일을 거부):"
    case .showProgramLine(let command, let directory): return "\(command) (\(directory)에서)"
    }
  }
}
