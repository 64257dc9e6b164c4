package ma.observatory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFTable;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Reads a produced workbook back with POI, as tests need it: tables as lists of header → value maps. */
public final class WorkbookReader implements AutoCloseable {

    private final XSSFWorkbook workbook;

    public WorkbookReader(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            workbook = new XSSFWorkbook(in);
        }
    }

    public XSSFWorkbook workbook() {
        return workbook;
    }

    public List<String> sheetNames() {
        List<String> names = new ArrayList<>();
        workbook.forEach(s -> names.add(s.getSheetName()));
        return names;
    }

    public XSSFTable table(String name) {
        for (var sheet : workbook) {
            for (XSSFTable t : ((XSSFSheet) sheet).getTables()) {
                if (t.getName().equals(name)) {
                    return t;
                }
            }
        }
        throw new AssertionError("no table named " + name);
    }

    public List<String> headers(String tableName) {
        XSSFTable t = table(tableName);
        Row header = t.getXSSFSheet().getRow(t.getStartRowIndex());
        List<String> names = new ArrayList<>();
        for (int c = t.getStartColIndex(); c <= t.getEndColIndex(); c++) {
            names.add(plain(header.getCell(c).getStringCellValue()));
        }
        return names;
    }

    /**
     * The data rows of a table; numbers as Double, dates as LocalDate (LocalDateTime when the format
     * shows the time), text as String, empty cells as "".
     */
    public List<Map<String, Object>> rows(String tableName) {
        XSSFTable t = table(tableName);
        var area = new AreaReference(t.getStartCellReference(), t.getEndCellReference(),
                workbook.getSpreadsheetVersion());
        List<String> headers = headers(tableName);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int r = t.getStartRowIndex() + 1; r <= area.getLastCell().getRow(); r++) {
            Row row = t.getXSSFSheet().getRow(r);
            Map<String, Object> values = new LinkedHashMap<>();
            for (int c = t.getStartColIndex(); c <= t.getEndColIndex(); c++) {
                Cell cell = row == null ? null : row.getCell(c);
                values.put(headers.get(c - t.getStartColIndex()), value(cell));
            }
            rows.add(values);
        }
        return rows;
    }

    /** The sentences above a sheet's table, joined as they were before being wrapped into lines. */
    public String intro(String sheetName) {
        var sheet = workbook.getSheet(sheetName);
        StringBuilder text = new StringBuilder();
        for (int r = 1; r < sheet.getTables().get(0).getStartRowIndex(); r++) {
            if (sheet.getRow(r) != null && sheet.getRow(r).getCell(0) != null) {
                text.append(plain(sheet.getRow(r).getCell(0).getStringCellValue())).append(' ');
            }
        }
        return text.toString().replaceAll("\\s+", " ").strip();
    }

    private static Object value(Cell cell) {
        if (cell == null || cell.getCellType() == CellType.BLANK) {
            return "";
        }
        if (cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
            var moment = cell.getLocalDateTimeCellValue();
            return cell.getCellStyle().getDataFormatString().contains("h") ? moment : moment.toLocalDate();
        }
        return cell.getCellType() == CellType.NUMERIC ? (Object) cell.getNumericCellValue() : plain(cell.getStringCellValue());
    }

    /**
     * French text with its narrow no-break spaces as ordinary ones: the tests read what a text
     * says; its spacing is checked by WorkbookRulesTests.
     */
    public static String plain(String text) {
        return text.replace(ma.observatory.text.FrenchTypography.NARROW_NO_BREAK_SPACE, ' ');
    }

    @Override
    public void close() throws IOException {
        workbook.close();
    }
}
