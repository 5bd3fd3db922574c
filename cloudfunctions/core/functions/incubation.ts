import { incubationFunction } from '../../../types/incubation';
import { createHandler } from '../dispatch';
import { answerNeed, mergeNeeds } from '../incubation/answer';
import { cancelCourse } from '../incubation/cancel-course';
import { seedCircle } from '../incubation/circle';
import { courseDetail, listCourses } from '../incubation/course-queries';
import { createCourse } from '../incubation/create-course';
import { cancelEnrollment, enroll } from '../incubation/enroll';
import { listNeeds, postNeed, support } from '../incubation/needs';
import { listPartners, savePartner } from '../incubation/partners';

export const handleIncubation = createHandler(incubationFunction, {
  needs: listNeeds,
  postNeed,
  support,
  answerNeed,
  mergeNeeds,
  partners: listPartners,
  savePartner,
  createCourse,
  seedCircle,
  cancelCourse,
  courses: listCourses,
  course: courseDetail,
  enroll,
  cancelEnrollment,
});
