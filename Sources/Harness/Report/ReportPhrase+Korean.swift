import Foundation

extension ReportPhrase {
  /// The phrase in Korean.
  // swift-format-ignore
  var korean: String {
    switch self {
    case .passed: return "통과"
    case .failed: return "실패"
    case .failedShout: return "실패"
    case .notChecked: return "확인 안 됨"
    case .notCheckedShout: return "확인 안 됨"
    case .pass: return "통과"
    case .fail: return "실패"
    case .checksHeading: return "확인 항목"
    case .notesHeading: return "참고"
    case .note: return "참고"
    case .noChecks: return "확인 항목 없음 (측정과 보고만)"
    case .checksPassed(let n, let total): return "확인 \(total)개 중 \(n)개 통과"
    case .checksFailed(let n, let total): return "확인 \(total)개 중 \(n)개 실패"
    case .passedCount(let n): return "\(n)개 통과"
    case .notCheckedCount(let n): return "\(n)개 확인 안 됨"
    case .seconds(let s):
      let t = String(format: "%.1f", s)
      return "\(t)초"
    case .experimentFile: return "실험 파일"
    case .resultsHeading: return "실험 결과"
    case .resultsIntro: return "`experiment run`이 만든 결과입니다. 이 폴더의 실험마다 한 절이 있습니다. 각 폴더에는 `summary.json`, 그림의 바탕이 된 CSV 데이터(열: 패키지의 docs/columns.md), 그림, 실험 파일의 사본이 있습니다. `summary.json`과 CSV는 프로그램이 읽도록 영어로 씁니다. `index.html`은 같은 내용을 브라우저로 보여 줍니다."
    case .indexIntro: return "<code>experiment run</code>이 만든 결과입니다. 이 폴더의 실험마다 한 절이 있습니다."
    case .pointsNotDrawn(_, let caption, let n):
      // Korean names the figure by its caption: the file name is English words.
      return "그림 ‘\(caption)’: 점 \(n)개는 그리지 않음: 오차가 정확히 0이거나 유한하지 않은 값은 로그 축에 놓을 수 없음 (CSV에는 있음)"
    case .formatLink(let format):
      // The file format as the file name ends (png, svg, pdf); English capitalises it.
      return format
    case .undrawnHead: return "제 값에 그리지 못한 점 — "
    case .undrawnNameSeparator: return ": "
    case .offFrameSuffix: return "개는 0 또는 ±∞라 가장자리에 표시"
    case .edgeMarkEntry: return "0 또는 ±∞: 가장자리에 표시"
    case .undrawableSuffix: return "개는 NaN이라 생략"
    case .beyondSuffix: return "개는 축 밖이라 선이 나가는 곳에 표시"
    case .hiddenSuffix: return "개는 축 밖이라 그리지 않음"
    case .eachBefore: return "각 "
    case .eachAfter: return ""
    case .showFile(let path): return "파일: \(path)"
    case .showDescription(let text): return "설명: \(text)"
    case .showNone: return "없음"
    case .showNetwork(let network): return "신경망: \(network)"
    case .showSchemes(let schemes): return "차분: \(schemes)"
    case .showPrecision(let precisions): return "정밀도: \(precisions)"
    case .showExpect(let expectations, let tolerance): return "기대 차수: \(expectations)" + (tolerance.map { ", 허용 오차 \($0)" } ?? "")
    case .showAuto(let scheme): return "\(scheme) 자동"
    case .showCase(let i, let variable, let f, let points): return "함수 \(i): f(\(variable)) = \(f)   (\(variable) = \(points)에서)"
    }
  }
}
