/// The words of the pages (the lab and the overview) that the reports do not already have,
/// in English and Korean (terms from shared/glossary.md).
enum PagePhrase: String, CaseIterable {
  case labHeading, labIntro, caseLabel, derivativeLabel, pointLabel, stepLabel, schemeLabel
  case precisionLabel, estimateLabel, exactLabel, errorLabel, modelLabel, truncationLabel
  case roundoffLabel, totalModelLabel, measuredLabel, notesStepsLabel, stepColumn
  case estimateColumn, errorColumn, axisStep, axisError, notFinite, exactTruncation
  case backToIndex, half, single, double, forward, backward, central, central4, richardson
  case latency, labLink, overview, kindHeading, languageHeading, provenance, version
  case commit, date, command, figureSize, languageLabel, files, passedChecks, failedFirst
  case tables, figures, checksTable, statusColumn, subjectColumn, detailColumn, unknown
  case english, korean, sourceFile, figure, table, ownSize, passedCount, noFigure, contents

  /// The phrase in `language` ("en" or "ko").
  func text(_ language: String) -> String {
    let pair = Self.words[self] ?? (rawValue, rawValue)
    return language == "ko" ? pair.1 : pair.0
  }

  /// Every phrase in `language`, by its name (the lab page's words).
  static func all(_ language: String) -> [String: String] {
    Dictionary(uniqueKeysWithValues: allCases.map { ($0.rawValue, $0.text(language)) })
  }

  private static let words: [PagePhrase: (String, String)] = [
    .labHeading: ("Step-size lab", "간격 h 실험실"),
    .labIntro: (
      "Move x and h, pick the scheme and the precision: the estimate, its error and the curve "
        + "are computed here in the browser, every operation rounded to the chosen precision.",
      "x와 h를 움직이고 차분 방법과 정밀도를 고르세요. 추정값, 오차, 곡선은 이 브라우저에서 "
        + "계산하며 연산마다 고른 정밀도로 반올림합니다."
    ),
    .caseLabel: ("Function", "함수"),
    .derivativeLabel: ("Derivative", "미분 차수"),
    .pointLabel: ("Point x", "점 x"),
    .stepLabel: ("Step h (log₁₀ h)", "간격 h (log₁₀ h)"),
    .schemeLabel: ("Scheme", "차분 방법"),
    .precisionLabel: ("Precision", "정밀도"),
    .estimateLabel: ("Estimate", "추정값"),
    .exactLabel: ("Exact", "참값"),
    .errorLabel: ("Error", "오차"),
    .modelLabel: ("Model", "오차 모형"),
    .truncationLabel: ("truncation", "절단 오차"),
    .roundoffLabel: ("round-off", "반올림 오차"),
    .totalModelLabel: ("truncation + round-off model", "절단 + 반올림 오차 모형"),
    .measuredLabel: ("error computed here", "여기서 계산한 오차"),
    .notesStepsLabel: ("The notes' steps", "강의 노트의 간격"),
    .stepColumn: ("h", "h"),
    .estimateColumn: ("estimate", "추정값"),
    .errorColumn: ("error", "오차"),
    .axisStep: ("step h", "간격 h"),
    .axisError: ("|error|", "|오차|"),
    .notFinite: ("not finite", "유한하지 않음"),
    .exactTruncation: ("no truncation error (exact)", "절단 오차 없음 (정확)"),
    .backToIndex: ("All results", "전체 결과"),
    .half: ("half", "반정밀도"),
    .single: ("single", "단정밀도"),
    .double: ("double", "배정밀도"),
    .forward: ("forward", "전방 차분"),
    .backward: ("backward", "후방 차분"),
    .central: ("central", "중앙 차분"),
    .central4: ("central, five points", "5점 중앙 차분"),
    .richardson: ("Richardson", "리처드슨 외삽"),
    .latency: ("update", "갱신"),
    .labLink: ("Step-size lab", "간격 h 실험실"),
    .overview: ("Overview", "한눈에 보기"),
    .kindHeading: ("By kind", "종류별"),
    .languageHeading: ("Language", "언어"),
    .provenance: ("Provenance", "출처"),
    .version: ("version", "버전"),
    .commit: ("commit", "커밋"),
    .date: ("date", "날짜"),
    .command: ("command", "명령"),
    .figureSize: ("figure size", "그림 크기"),
    .languageLabel: ("language", "언어"),
    .files: ("Files", "파일"),
    .passedChecks: ("passed checks", "통과한 검사"),
    .failedFirst: ("failed first", "실패 먼저"),
    .tables: ("Tables", "표"),
    .figures: ("Figures", "그림"),
    .checksTable: ("Checks", "검사"),
    .statusColumn: ("status", "결과"),
    .subjectColumn: ("what", "대상"),
    .detailColumn: ("detail", "내용"),
    .unknown: ("unknown", "알 수 없음"),
    .english: ("English", "영어"),
    .korean: ("Korean", "한국어"),
    .sourceFile: ("experiment file", "실험 파일"),
    .figure: ("Figure", "그림"),
    .table: ("Table", "표"),
    .ownSize: ("each figure's own", "그림마다 고유 크기"),
    .passedCount: ("passed", "통과"),
    .noFigure: ("no figure", "그림 없음"),
    .contents: ("Contents", "목차"),
  ]
}
