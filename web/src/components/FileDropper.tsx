import { InboxOutlined } from '@ant-design/icons';
import { Upload, type UploadFile } from 'antd';

/** A drag-and-drop box holding one .xlsx/.csv file, uploaded later by the caller (imports, cross-check). */
export default function FileDropper({
  file,
  onChange,
  disabled,
  text,
}: {
  file: File | null;
  onChange: (file: File | null) => void;
  disabled?: boolean;
  text: string;
}) {
  const files: UploadFile[] = file ? [{ uid: '1', name: file.name, status: 'done' }] : [];
  return (
    <Upload.Dragger
      accept=".xlsx,.csv"
      maxCount={1}
      fileList={files}
      beforeUpload={(f) => {
        onChange(f);
        return false;
      }}
      onRemove={() => onChange(null)}
      disabled={disabled}
    >
      <p className="ant-upload-drag-icon">
        <InboxOutlined />
      </p>
      <p className="ant-upload-text">{text}</p>
    </Upload.Dragger>
  );
}
