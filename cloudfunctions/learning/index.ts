import { learningActions } from '../../src/shared/actions/learning';
import { createFunction } from '../_core/router';
import * as cases from './cases.service';
import * as certificates from './certificates.service';
import * as courses from './courses.service';
import * as gaps from './gaps.service';
import * as progress from './progress.service';

/**
 * The `learning` cloud function (先锋培育 / 云课堂): courses of lessons with a quiz and a certificate, courses
 * required for a role and who has not finished them, the 街道's case library, and points for finishing, posted once.
 */
export const main = createFunction('learning', learningActions, {
  createCourse: courses.createCourse,
  updateCourse: courses.updateCourse,
  saveLesson: courses.saveLesson,
  removeLesson: courses.removeLesson,
  orderLessons: courses.orderLessons,
  setQuiz: courses.setQuiz,
  publishCourse: courses.publishCourse,
  archiveCourse: courses.archiveCourse,
  listCourses: courses.listCourses,
  getCourse: courses.getCourse,
  finishLesson: progress.finishLesson,
  submitQuiz: progress.submitQuiz,
  myCertificates: certificates.myCertificates,
  verifyCertificate: certificates.verifyCertificate,
  requiredGaps: gaps.requiredGaps,
  createCase: cases.createCase,
  updateCase: cases.updateCase,
  publishCase: cases.publishCase,
  listCases: cases.listCases,
  getCase: cases.getCase,
}, {
  // Points still owed by a finished course whose call died between its steps (progress.service.ts).
  'course-points': progress.postOwedDue,
});
