package ma.observatory.employment;

import java.util.List;

import ma.observatory.csv.CsvColumn;
import ma.observatory.csv.CsvRow;
import ma.observatory.csv.Reason;
import ma.observatory.cube.CountDataset;
import ma.observatory.cube.Cube;
import ma.observatory.geo.GeoReference;
import ma.observatory.period.Period;

import static ma.observatory.employment.LabourForceColumn.*;

/** {@code employment/labour_force.csv}: the labour force survey counts and their row rules. */
public final class LabourForceDataset implements CountDataset {

    public static final LabourForceDataset INSTANCE = new LabourForceDataset();
    public static final List<String> MEASURES =
            List.of("population", "labour_force", "employed", "unemployed", "underemployed");


    @Override
    public String file() {
        return "employment/labour_force.csv";
    }

    @Override
    public String key() {
        return "labour_force";
    }

    @Override
    public List<? extends CsvColumn> columns() {
        return List.of(LabourForceColumn.values());
    }

    @Override
    public List<String> measures() {
        return MEASURES;
    }

    /** The labour force is the employed plus the unemployed, by definition (README, "How the numbers are made"). */
    @Override
    public SumOf sumOf() {
        return LABOUR_FORCE_SUM;
    }

    private static final SumOf LABOUR_FORCE_SUM = new SumOf(MEASURES.indexOf("labour_force"),
            MEASURES.indexOf("employed"), MEASURES.indexOf("unemployed"));

    /** A row's key; one array, not one per row of a file of millions. */
    private static final CsvColumn[] KEY = {PERIOD, GEO, AREA, SEX, AGE_GROUP};

    public static LabourForceRecord map(CsvRow row, GeoReference geo) {
        Period period = row.periodOfQuartersOrYears(PERIOD);
        String place = geo.placeOf(row, GEO);
        Area area = row.code(AREA, Area.class);
        Sex sex = row.code(SEX, Sex.class);
        String age = AgeGroups.normalise(row.text(AGE_GROUP));
        if (age == null) {
            row.reject(AGE_GROUP, row.text(AGE_GROUP), Reason.of("age-group.invalid"));
        }
        Double population = row.number(POPULATION);
        Double labourForce = row.number(LABOUR_FORCE);
        Double employed = row.number(EMPLOYED);
        Double unemployed = row.number(UNEMPLOYED);
        Double underemployed = row.number(UNDEREMPLOYED);
        if (employed != null && labourForce != null && employed > labourForce) {
            row.reject(EMPLOYED, row.text(EMPLOYED), Reason.of("count.above-labour-force", row.text(LABOUR_FORCE)));
        }
        if (labourForce != null && population != null && labourForce > population) {
            row.reject(LABOUR_FORCE, row.text(LABOUR_FORCE), Reason.of("count.above-population", row.text(POPULATION)));
        }
        if (unemployed != null && labourForce != null && unemployed > labourForce) {
            row.reject(UNEMPLOYED, row.text(UNEMPLOYED), Reason.of("count.above-labour-force", row.text(LABOUR_FORCE)));
        }
        if (labourForce == null && population != null && (employed != null || unemployed != null)) {
            // The labour force will be their sum: checked as a given one would be, or a rate of over 100 %.
            double sum = (employed == null ? 0 : employed) + (unemployed == null ? 0 : unemployed);
            // 1.1 + 2.2 is 3.3000000000000003 in binary: a sum equal to the population is within it
            if (sum > population && !Cube.format(sum).equals(Cube.format(population))) {
                CsvColumn column = employed != null ? EMPLOYED : UNEMPLOYED;
                row.reject(column, row.text(column), Reason.of("labour-force.sum-above-population", Cube.format(sum),
                        row.text(POPULATION)));
            }
        }
        if (underemployed != null && employed != null && underemployed > employed) {
            row.reject(UNDEREMPLOYED, row.text(UNDEREMPLOYED), Reason.of("count.above-employed", row.text(EMPLOYED)));
        }
        // A rejected row carries no warnings (CsvItemReader drops them): no need to check it.
        if (!row.hasProblems() && labourForce != null && employed != null && unemployed != null) {
            // the soft rule of every total against its parts (0.5 unit and 0.2 %), the same as the cube's
            if (Cube.differs(labourForce, employed + unemployed)) {
                row.warn(LABOUR_FORCE, row.text(LABOUR_FORCE),
                        Reason.of("labour-force.not-sum", Cube.format(employed + unemployed)));
            }
        }
        if (!row.hasProblems()) {
            // The age group as read: "015+" is the same group, and so the same cell, as "15+".
            row.requireUniqueKey(KEY, AGE_GROUP, age);
        }
        return new LabourForceRecord(period, place, area, sex, age, population, labourForce, employed, unemployed,
                underemployed, row.text(SOURCE));
    }
}
