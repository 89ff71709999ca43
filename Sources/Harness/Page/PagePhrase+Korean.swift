extension PagePhrase {
  /// The phrase in Korean.
  // swift-format-ignore
  var korean: String {
    switch self {
    case .labLink: return "간격 h 실험실"
    case .overview: return "한눈에 보기"
    case .kindHeading: return "종류별"
    case .languageHeading: return "언어"
    case .provenance: return "출처"
    case .version: return "버전"
    case .commit: return "커밋"
    case .date: return "날짜"
    case .command: return "명령"
    case .figureSize: return "그림 크기"
    case .languageLabel: return "언어"
    case .files: return "파일"
    case .passedChecks: return "통과한 검사"
    case .failedFirst: return "실패 먼저"
    case .tables: return "표"
    case .figures: return "그림"
    case .checksTable: return "검사"
    case .statusColumn: return "결과"
    case .subjectColumn: return "대상"
    case .detailColumn: return "내용"
    case .unknown: return "알 수 없음"
    case .englishLanguage: return "영어"
    case .koreanLanguage: return "한국어"
    case .sourceFile: return "실험 파일"
    case .figure: return "그림"
    case .table: return "표"
    case .ownSize: return "그림마다 고유 크기"
    case .passedCount: return "통과"
    case .noFigure: return "그림 없음"
    case .contents: return "목차"
    }
  }
}
