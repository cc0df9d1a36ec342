package org.lantern.server.registers.devices;

import java.time.LocalDate;

/**
 * A loan as the form or the API gives it, before it is checked.
 *
 * @param deviceId     the device lent
 * @param personId     the borrower
 * @param lentOn       the day it is lent (today when null on the page)
 * @param dueOn        the day it is due back
 * @param conditionOut its condition as it goes out
 * @param signedName   the borrower's name, typed by them to sign
 * @param agreed       the borrower ticked "I have received this device and will return it when asked"
 */
public record NewLoan(long deviceId, Long personId, LocalDate lentOn, LocalDate dueOn, String conditionOut,
                      String signedName, boolean agreed) {
}
